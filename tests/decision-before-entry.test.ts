import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DiscardPolicy } from 'nats';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { bindKv } from '@samenhang/nats';
import { BUCKETS, CONSENT_CONSUMER, STREAMS } from '@samenhang/topology';
import type { Picture } from '@samenhang/family';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { AlertFollower, signalIds } from './helpers/rvt.js';
import { consumerIdle, readStream, stackPerSuite } from '@samenhang/testkit';
import { waitUntil } from './helpers/until.js';

const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;
/** The same kind of signal about someone else, at another address: it founds a system of its own. */
const stranger = {
  ...acute,
  signal: {
    ...acute.signal,
    signalId: 'p-9002',
    subject: { bsn: '999990123', name: 'E. Vos' },
    relatedPersons: [],
    address: { postcode: '7512AB', houseNumber: 3 },
  },
};
/** A later signal about the first one's subject: it joins that system's picture. */
const again = { ...acute, signal: { ...acute.signal, signalId: 'p-9003', relatedPersons: [] } };

/**
 * The consent service sends a signal's decision record together with its first placement
 * writes (one round trip fewer), so the order that matters is kept by waiting for it: no
 * picture shows the signal, and so no alert, before its decision record is stored.
 */
describe('a signal whose decision record cannot be stored', () => {
  const s = stackPerSuite();

  const decided = async () =>
    (await readStream(s.admin, STREAMS.AUDIT))
      .filter((m) => m.subject === 'samenhang.audit.decisions')
      .map((m) => (JSON.parse(Buffer.from(m.data).toString('utf8')) as { signalId: string }).signalId);
  /** Which signals any picture holds, read from the server. */
  const pictured = async () => {
    const kv = await bindKv(s.admin.jetstream(), BUCKETS.PICTURES);
    const keys: string[] = [];
    for await (const key of await kv.keys()) keys.push(key);
    const ids: string[] = [];
    for (const key of keys) {
      const e = await kv.get(key);
      if (e?.operation === 'PUT')
        ids.push(
          ...Object.values((JSON.parse(Buffer.from(e.value).toString('utf8')) as Picture).entries).map(
            (x) => x.signalId,
          ),
        );
    }
    return ids;
  };

  it('is in no picture and no alert until its record is on the audit stream', async () => {
    const twente = await AlertFollower.open(await s.t.connect('rvt-twente'), 'twente');
    const police = await s.t.client('politie-oost-nederland');
    const send = async (step: typeof acute) =>
      expect((await police.publish(await police.sign(signalFromJson(stepSignal(step, Date.now()))))).status).toBe(
        v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
      );
    await send(acute);
    await waitUntil('the first alert', async () => twente.alerts.length === 1);

    // AUDIT takes nothing more: at most what it holds, and new messages refused.
    const jsm = await s.admin.jetstreamManager();
    const open = (await jsm.streams.info(STREAMS.AUDIT)).config;
    await jsm.streams.update(STREAMS.AUDIT, {
      ...open,
      max_msgs: (await jsm.streams.info(STREAMS.AUDIT)).state.messages,
      discard: DiscardPolicy.New,
    });
    await send(stranger); // a new system: its picture would be created with the entry
    await send(again); // an existing system: its picture would be changed
    await sleep(2_000); // several redeliveries
    const held = await jsm.consumers.info(STREAMS.SIGNALS, CONSENT_CONSUMER);
    expect(held.num_ack_pending + held.num_pending).toBe(2);
    expect(await decided()).toEqual(['p-9001']);
    expect((await pictured()).sort()).toEqual(['p-9001']);
    expect(twente.alerts).toHaveLength(1);

    await jsm.streams.update(STREAMS.AUDIT, open);
    // Redelivered after their last refusal's delay (up to 5 s): then decided and placed.
    await waitUntil('both decided', async () => (await decided()).length === 3, 30_000);
    await consumerIdle(s.admin, STREAMS.SIGNALS, CONSENT_CONSUMER, 30_000);
    expect((await decided()).sort()).toEqual(['p-9001', 'p-9002', 'p-9003']);
    expect((await pictured()).sort()).toEqual(['p-9001', 'p-9002', 'p-9003']);
    await waitUntil('both shown to the RVT', async () =>
      ['p-9002', 'p-9003'].every((id) => twente.alerts.some((a) => signalIds(a).includes(id))),
    );
    await twente.close();
  }, 60_000);
});
