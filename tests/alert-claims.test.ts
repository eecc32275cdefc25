import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DiscardPolicy } from 'nats';
import { publishStep, type ScenarioStep } from '@samenhang/client';
import { v1 } from '@samenhang/proto';
import { bindKv } from '@samenhang/nats';
import { BUCKETS, STREAMS } from '@samenhang/topology';
import type { Picture } from '@samenhang/family';
import { alertVersions } from './helpers/outcome.js';
import { loadScenario } from './helpers/scenario.js';
import { consumerIdle, readStream, stackPerSuite } from '@samenhang/testkit';
import { waitUntil } from './helpers/until.js';

const steps = loadScenario<{ steps: ScenarioStep[] }>('meneer-m').steps;
const signals = steps.filter((s) => s.type !== 'consent').length;

/**
 * A handling records its alert version in the picture as claimed by its message, already
 * settled, and sends it after; nothing else stores that it was sent. So when sending
 * fails after the claim was written, the message's redelivery must send it.
 */
describe('an alert version claimed but not sent', () => {
  const s = stackPerSuite();

  const picture = async (systemId: string) =>
    JSON.parse(
      Buffer.from((await (await bindKv(s.admin.jetstream(), BUCKETS.PICTURES)).get(systemId))!.value).toString('utf8'),
    ) as Picture;

  it('is sent by the redelivery of the message that claimed it, once the ALERTS stream takes messages again', async () => {
    const jsm = await s.admin.jetstreamManager();
    const open = (await jsm.streams.info(STREAMS.ALERTS)).config;
    // The ALERTS stream takes one message, then refuses: every later alert fails after its
    // version was recorded (and its disclosure record written).
    await jsm.streams.update(STREAMS.ALERTS, { ...open, max_msgs: 1, discard: DiscardPolicy.New });
    const now = Date.now();
    for (const step of steps) {
      const c = await s.t.client(step.agency);
      expect((await publishStep(c, step, now)).status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    }
    await waitUntil('the first alert', async () => (await alertVersions(s.admin)).size === 1);
    const [key, sentBefore] = [...(await alertVersions(s.admin))][0]!;
    expect(sentBefore).toEqual([1]);
    const systemId = key.split('/')[0]!;
    // The picture holds a newer version, settled by its claim, that nobody has received.
    await waitUntil(
      'a newer version recorded',
      async () => ((await picture(systemId)).systems[systemId]?.alerts.foodvalley?.version ?? 0) > 1,
    );
    const claimed = (await picture(systemId)).systems[systemId]!.alerts.foodvalley!;
    expect(claimed).toMatchObject({ published: claimed.version, claim: expect.any(Number) });
    await sleep(1_000);
    const held = await (await s.admin.jetstreamManager()).consumers.info(STREAMS.SIGNALS, 'consent');
    expect(held.num_ack_pending + held.num_pending).toBeGreaterThan(0); // the claiming message is not acknowledged
    expect((await alertVersions(s.admin)).get(key)).toEqual([1]);

    await jsm.streams.update(STREAMS.ALERTS, open);
    await consumerIdle(s.admin, STREAMS.SIGNALS, 'consent', 30_000);
    const last = (await picture(systemId)).systems[systemId]!.alerts.foodvalley!;
    const sent = (await alertVersions(s.admin)).get(key)!;
    expect(sent.at(-1)).toBe(last.version); // the newest recorded version reached the RVT
    expect(new Set(sent).size).toBe(sent.length); // none twice
    const newest = v1.HouseholdAlert.decode((await readStream(s.admin, STREAMS.ALERTS)).at(-1)!.data);
    expect(newest.version).toBe(last.version);
    expect(newest.entries).toHaveLength(signals); // every signal of the scenario in it
  }, 60_000);
});
