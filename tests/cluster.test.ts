import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { readEnv } from '@samenhang/config';
import { STREAMS } from '@samenhang/topology';
import { loadScenario } from './helpers/scenario.js';
import { publishSteps, startTestStack, type TestStack } from '@samenhang/testkit';
import type { ScenarioStep } from '@samenhang/client';
import { AlertFollower, signalIds } from './helpers/rvt.js';

describe('samenhang on a 3-node JetStream cluster', () => {
  let t: TestStack;
  let admin: NatsConnection;
  beforeAll(async () => {
    t = await startTestStack({ cluster: 3 });
    admin = await t.connect('broker-admin');
  });
  afterAll(async () => t?.close());

  it('runs three nodes with routes over mutual TLS and every stream and bucket with 3 replicas', async () => {
    expect(t.stack.natsNodes).toHaveLength(3);
    expect(new Set(t.stack.servers).size).toBe(3);
    const jsm = await admin.jetstreamManager();
    for (const s of [
      STREAMS.INGRESS,
      STREAMS.SIGNALS,
      STREAMS.RECEIPTS,
      STREAMS.ALERTS,
      STREAMS.AUDIT,
      'KV_PICTURES',
      'KV_VAULT',
    ]) {
      const info = await jsm.streams.info(s);
      expect(info.config.num_replicas, s).toBe(3);
      expect(info.cluster?.replicas?.length, s).toBe(2);
    }
  });

  it("runs each node's Go code on one thread on two cores, or as GOMAXPROCS says when set", async () => {
    const set = readEnv().GOMAXPROCS;
    for (const n of t.stack.natsNodes) {
      const varz = (await (await fetch(`${n.monitorUrl}/varz`)).json()) as { gomaxprocs: number; cores: number };
      const expected = set !== undefined ? Number(set) : availableParallelism() <= 2 ? 1 : varz.cores;
      expect(varz.gomaxprocs, n.monitorUrl).toBe(expected);
    }
  });

  it('replays Meneer M with the expected final alert (no lost picture update)', async () => {
    const follower = await AlertFollower.open(await t.connect('rvt-foodvalley'), 'foodvalley');
    await publishSteps(t, loadScenario<{ steps: ScenarioStep[] }>('meneer-m').steps);
    const xs = await follower.waitFor('all five signals', (a) => a.some((x) => x.entries.length === 5), 30_000);
    expect(signalIds(xs.at(-1)!)).toEqual(['g-77', 'j-5110', 'l-301', 'm-001', 'p-2031']);
    await follower.close();
  });
});
