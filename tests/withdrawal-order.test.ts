import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsMsg, NatsConnection } from 'nats';
import { testBsns, receipts, streamCount, verifiedSignals, startTestStack, type TestStack } from '@samenhang/testkit';
import { envelopeSha256 } from '@samenhang/envelope';
import { createLogger } from '@samenhang/logging';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { GATEWAY_CONSUMER, STREAMS, signalKey, subjects } from '@samenhang/topology';
import { gatewayDeps, loadGatewayFiles } from '../services/broker-gateway/src/deps.js';
import { handleIngress } from '../services/broker-gateway/src/handle-ingress.js';
import { loadScenario } from './helpers/scenario.js';

const PAIRS = 40;
const AGENCY = 'lokaalteam-ede';

describe('a withdrawal never overtakes the signal it names', () => {
  let t: TestStack;
  let admin: NatsConnection;
  let signal: (o: Record<string, unknown>) => Record<string, unknown>;
  beforeAll(async () => {
    // No gateway process yet: the first test drives the gateway's handler itself.
    t = await startTestStack({ services: ['consent', 'audit'] });
    admin = await t.connect('broker-admin');
    const base = loadScenario<{ base: Record<string, unknown> }>('bad-inputs').base;
    const observedAt = new Date(Date.now() - 60_000).toISOString();
    signal = (o) => ({ ...base, observedAt, ...o });
  });
  afterAll(async () => t?.close());

  it('is retried while its signal is claimed and its ingress message not yet acknowledged', async () => {
    const client = await t.client(AGENCY);
    const s = await client.sign(signalFromJson(signal({ signalId: 'held-s' })));
    const w = await client.sign(signalFromJson(signal({ signalId: 'held-w', withdrawsSignalId: 'held-s' })));
    const js = client.nc.jetstream();
    await js.publish(subjects.ingress(AGENCY), s);
    await js.publish(subjects.ingress(AGENCY), w);

    const gw = await t.connect('broker-gateway');
    const d = await gatewayDeps(
      gw,
      loadGatewayFiles(t.paths),
      { maxEnvelopeBytes: 64 * 1024, maxSummaryChars: 2000 },
      { isRevoked: () => false },
      createLogger({ service: 'test', level: 'fatal' }),
    );
    const consumer = await d.js.consumers.get(STREAMS.INGRESS, GATEWAY_CONSUMER);
    const got: JsMsg[] = [];
    for await (const m of await consumer.fetch({ max_messages: 2, expires: 2000 })) got.push(m);
    const [ms, mw] = got;
    expect(ms!.data).toEqual(s);
    // As far as a handler of S gets before it publishes (or a gateway that crashed there).
    await d.index.claim(signalKey(AGENCY, 'held-s'), {
      signalId: 'held-s',
      ingressSeq: ms!.seq,
      envelopeSha256: envelopeSha256(s),
    });
    expect(await d.ingressHolds(ms!.seq)).toBe(true);

    expect(await handleIngress(mw!, d)).toBe('RETRY');
    expect(await streamCount(admin, STREAMS.RECEIPTS)).toBe(0);
    expect(await handleIngress(ms!, d)).toBe('ACCEPTED'); // resumes its own claim
    // The ack is a plain publish the server applies on its own time; a withdrawal
    // meanwhile is merely retried once more, so wait (bounded) for the message to go.
    let holds = true;
    for (const deadline = Date.now() + 5000; holds && Date.now() < deadline; await sleep(20))
      holds = await d.ingressHolds(ms!.seq);
    expect(holds).toBe(false);

    const again = await consumer.next({ expires: 5000 });
    expect(again?.seq).toBe(mw!.seq);
    expect(await handleIngress(again!, d)).toBe('ACCEPTED');
    expect((await verifiedSignals(admin)).map((v) => v.signalId)).toEqual(['held-s', 'held-w']);
  });

  it('keeps every accepted withdrawal after its signal on SIGNALS when pairs arrive at once', async () => {
    const client = await t.client(AGENCY);
    // Each signal about its own person: no shared vault key load keeps a pair in step.
    const persons = testBsns(2 * PAIRS, 800_000_000);
    const about = (k: number) => ({ subject: { bsn: persons[k], name: 'W. Test' } });
    const js = client.nc.jetstream();
    for (let i = 0; i < PAIRS; i++) {
      await js.publish(
        subjects.ingress(AGENCY),
        await client.sign(signalFromJson(signal({ ...about(2 * i), signalId: `pair-${i}` }))),
      );
      await js.publish(
        subjects.ingress(AGENCY),
        await client.sign(
          signalFromJson(signal({ ...about(2 * i + 1), signalId: `pair-${i}-w`, withdrawsSignalId: `pair-${i}` })),
        ),
      );
    }
    await t.stack.startService('broker-gateway');

    const total = 2 * PAIRS + 2;
    for (
      const deadline = Date.now() + 60_000;
      (await streamCount(admin, STREAMS.RECEIPTS)) < total && Date.now() < deadline;
    )
      await sleep(100);
    const status = new Map((await receipts(admin)).map((r) => [r.signalId, r]));
    expect(status.size).toBe(total);
    const accepted: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      expect(status.get(`pair-${i}`)?.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
      const r = status.get(`pair-${i}-w`)!;
      // Handled before its signal was even claimed, a withdrawal is refused (the agency sends it again).
      if (r.status === v1.ReceiptStatus.RECEIPT_STATUS_REJECTED) expect(r.code).toBe('ERR_WITHDRAW_UNKNOWN');
      else accepted.push(i);
    }
    const order = new Map((await verifiedSignals(admin)).map((v, at) => [v.signalId, at]));
    for (const i of accepted)
      expect(order.get(`pair-${i}`)!, `pair-${i} before its withdrawal`).toBeLessThan(order.get(`pair-${i}-w`)!);
    expect(accepted.length, 'some withdrawals were accepted').toBeGreaterThan(0);
  });
});
