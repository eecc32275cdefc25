import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { envelopeSha256 } from '@samenhang/envelope';
import { exited } from '@samenhang/launcher';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { loadScenario } from './helpers/scenario.js';
import { receipts, streamCount, verifiedSignals, stackPerSuite } from '@samenhang/testkit';
import { waitUntil } from './helpers/until.js';

const N = 2000;

describe('kill -9 of the gateway in the middle of 2,000 signals', () => {
  const s = stackPerSuite();

  it('gives every signal exactly one receipt and one SIGNALS entry after a restart', async () => {
    const base = loadScenario<{ base: Record<string, unknown> }>('bad-inputs').base;
    const client = await s.t.client('lokaalteam-ede');
    const observedAt = new Date(Date.now() - 60_000).toISOString();
    // Signed before the clock starts: agencies sign slowly, the broker verifies fast.
    const envelopes = await Promise.all(
      Array.from({ length: N }, (_, i) => client.sign(signalFromJson({ ...base, signalId: `crash-${i}`, observedAt }))),
    );
    const js = client.nc.jetstream();
    const publishing = (async () => {
      for (let i = 0; i < N; i += 200)
        await Promise.all(envelopes.slice(i, i + 200).map((e) => js.publish('samenhang.ingress.lokaalteam-ede', e)));
    })();

    await waitUntil('the first receipts', async () => (await streamCount(s.admin, 'RECEIPTS')) >= 300, 60_000);
    const gateway = s.t.stack.services.get('broker-gateway')!;
    gateway.child.kill('SIGKILL');
    await exited(gateway.child);
    const atCrash = await streamCount(s.admin, 'RECEIPTS');
    expect(atCrash).toBeLessThan(N); // the crash really happened mid-load
    await publishing;
    await s.t.stack.startService('broker-gateway');

    await waitUntil('a receipt for every envelope', async () => (await streamCount(s.admin, 'RECEIPTS')) >= N, 90_000);
    await sleep(12_000); // longer than the consumer's ack wait: late redeliveries would show now

    const all = await receipts(s.admin);
    expect(all).toHaveLength(N);
    const bySha = new Map(all.map((r) => [r.envelopeSha256, r]));
    expect(bySha.size).toBe(N);
    for (const e of envelopes) {
      const r = bySha.get(envelopeSha256(e));
      expect(r, 'receipt for an envelope').toBeDefined();
      expect(r!.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    }
    const signals = await verifiedSignals(s.admin);
    expect(signals).toHaveLength(N);
    expect(new Set(signals.map((s) => s.signalId)).size).toBe(N);
    expect(await streamCount(s.admin, 'INGRESS')).toBe(0); // work queue fully acknowledged
  });
});
