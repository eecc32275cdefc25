import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient, JsMsg } from 'nats';
import { bareStack, type TestStack } from '@samenhang/testkit';
import { consumeInBatches } from '@samenhang/nats';
import { AUDIT_CONSUMER, STREAMS } from '@samenhang/topology';
import { until } from './helpers/until.js';

const quiet = { error: () => {} };

/** The audit service's batch loop, on the real AUDIT stream and its durable consumer (no audit service runs). */
describe('consumeInBatches: batches that wait a moment for more', () => {
  let t: TestStack;
  let js: JetStreamClient;
  beforeAll(async () => {
    ({ t, js } = await bareStack());
  });
  afterAll(async () => t?.close());

  const run = async (maxBatch: number, lingerMs: number, send: () => Promise<void>, expected: number) => {
    const batches: number[][] = [];
    const consumer = await js.consumers.get(STREAMS.AUDIT, AUDIT_CONSUMER);
    const c = await consumeInBatches(
      consumer,
      maxBatch,
      async (b: JsMsg[]) => {
        batches.push(b.map((m) => m.seq));
        for (const m of b) m.ack();
      },
      quiet,
      lingerMs,
    );
    const started = Date.now();
    await send();
    await until(() => batches.flat().length >= expected, 10_000);
    const took = Date.now() - started;
    c.stop();
    await c.done;
    return { batches, took };
  };
  const publish =
    (n: number, gapMs = 0) =>
    async () => {
      for (let i = 0; i < n; i++) {
        await js.publish('samenhang.audit.decisions', new TextEncoder().encode(`{"n":${i}}`));
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    };

  it('gathers records that trickle in within the linger into one batch, in stream order', async () => {
    const { batches } = await run(256, 1_000, publish(10, 5), 10);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual([...batches[0]!].sort((a, b) => a - b));
  });

  it('without a linger, a trickle is handled as it comes', async () => {
    const { batches } = await run(256, 0, publish(10, 20), 10);
    expect(batches.length).toBeGreaterThan(5);
  });

  it('does not wait once a batch is full', async () => {
    const { batches, took } = await run(4, 60_000, publish(8), 8);
    expect(batches.map((b) => b.length)).toEqual([4, 4]);
    expect(took).toBeLessThan(30_000); // far below the linger: full batches went at once
  });
});
