import { describe, expect, it } from 'vitest';
import { acuteSignals, readStream } from '@samenhang/testkit';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { subjects } from '@samenhang/topology';
import { acceptedPublisher, signalIds, stackWithAlerts } from './helpers/rvt.js';
import { waitUntil } from './helpers/until.js';

const decide = (d: v1.HumanDecision.$Properties) => v1.HumanDecision.encode(d).finish();

/**
 * A person's decision (here the 24-hour review of an ACUTE disclosure) is a decision record
 * with effect: the signal is re-decided, the picture and the next alert version show it, and
 * the review obligation is fulfilled. Only the console may hand one in, and only for an
 * entry of the region it names.
 */
describe('human decisions', () => {
  const stack = stackWithAlerts('foodvalley');
  const [acute] = acuteSignals(1, { idPrefix: 'hd', bsnBase: 740_000_000 }).map((x) => x.signal);

  it('a WITHDRAW review takes the content out of the next version and the picture, and fulfils the review', async () => {
    const { t, alerts } = stack;
    const publish = await acceptedPublisher(t, 'politie-oost-nederland');
    await publish(signalFromJson(acute!));
    const [notice] = await alerts.waitFor('the ACUTE alert', (xs) => xs.length > 0);
    const entry = notice!.entries[0]!;
    expect(entry).toMatchObject({ outcome: 'DISCLOSE', decidingRule: 'R6' });
    expect(entry.obligations?.[0]).toMatch(/^HUMAN_REVIEW_24H due /);
    expect((await alerts.opened(notice)).entries[0]!.summary).not.toBe(''); // disclosed: content on request

    // Another region's RVT cannot hand in a decision at all; the console for the wrong region is ignored.
    const twente = await t.connect('rvt-twente');
    await expect(
      twente
        .jetstream()
        .publish(subjects.human('foodvalley'), decide({ systemId: notice!.systemId }), { timeout: 2000 }),
    ).rejects.toThrow();
    const consoleNc = await t.connect('console');
    const js = consoleNc.jetstream();
    const withdraw = {
      systemId: notice!.systemId,
      decisionId: entry.decisionId,
      kind: v1.HumanDecisionKind.HUMAN_DECISION_KIND_REVIEW_WITHDRAW,
      decidedBy: 'person:7f3a9c',
      organisation: 'rvt-foodvalley',
    };
    await js.publish(subjects.human('twente'), decide(withdraw));
    await js.publish(subjects.human('foodvalley'), decide(withdraw));

    const xs = await alerts.waitFor('the version after the review', (a) => a.at(-1)!.version > notice!.version);
    const after = xs.at(-1)!.entries[0]!;
    expect(signalIds(xs.at(-1)!)).toEqual([acute!.signalId]);
    expect(after).toMatchObject({ outcome: 'INDEX', shownAs: 'INDEX', decidingRule: 'HUMAN-WITHDRAW' });
    expect(after.obligations).toEqual([]); // the review is done
    const opened = (await alerts.opened(xs.at(-1)!)).entries[0]!;
    expect([opened.summary, opened.subject?.name ?? '', opened.address?.postcode ?? '']).toEqual(['', '', '']);

    const admin = await t.connect('broker-admin');
    const decisions = (await readStream(admin, 'AUDIT'))
      .filter((m) => m.subject === 'samenhang.audit.decisions')
      .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')))
      .filter((d) => d.signalId === acute!.signalId);
    // One human decision: the one for the wrong region changed nothing and recorded nothing.
    expect(decisions.map((d) => d.decidingRule)).toEqual(['R6', 'HUMAN-WITHDRAW']);
    expect(decisions[1]).toMatchObject({
      human: { by: 'person:7f3a9c', kind: 'REVIEW_WITHDRAW', of: entry.decisionId, organisation: 'rvt-foodvalley' },
      obligations: [],
    });

    // A second decision about the decision already replaced changes nothing.
    await js.publish(
      subjects.human('foodvalley'),
      decide({ ...withdraw, kind: v1.HumanDecisionKind.HUMAN_DECISION_KIND_REVIEW_UPHELD }),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(alerts.alerts.at(-1)!.version).toBe(xs.at(-1)!.version);
    await waitUntil('nothing more recorded', async () => {
      const n = (await readStream(admin, 'AUDIT')).filter(
        (m) =>
          m.subject === 'samenhang.audit.decisions' &&
          JSON.parse(Buffer.from(m.data).toString('utf8')).signalId === acute!.signalId,
      ).length;
      return n === 2;
    });
  }, 60_000);
});
