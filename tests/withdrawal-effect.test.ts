import { describe, expect, it } from 'vitest';
import { signalFromJson } from '@samenhang/signal';
import { acuteSignals, readStream } from '@samenhang/testkit';
import { acceptedPublisher, signalIds, stackWithAlerts } from './helpers/rvt.js';
import { waitUntil } from './helpers/until.js';

/**
 * A withdrawal is keyed by (agency, signal id): it takes effect whatever subject the
 * withdrawing signal names, is a decision record of its own, and the RVT that saw the
 * signal gets a new alert version without it.
 */
describe('a withdrawal naming another subject', () => {
  const stack = stackWithAlerts('foodvalley');
  type Json = Record<string, unknown> & { signalId: string; subject: { bsn: string }; address: unknown };
  const [first, second, other] = acuteSignals(3, { idPrefix: 'wd', bsnBase: 730_000_000 }).map((x) => x.signal as Json);

  it('takes the withdrawn signal out, records the decision, and sends a new version', async () => {
    const { t, alerts } = stack;
    const publish = await acceptedPublisher(t, 'politie-oost-nederland');
    // Two signals about one person: the family stays alerted after one is withdrawn.
    await publish(signalFromJson(first!));
    await publish(signalFromJson({ ...second!, subject: first!.subject, address: first!.address }));
    await alerts.waitFor('both signals', (xs) =>
      xs.some((x) => signalIds(x).join() === [first!.signalId, second!.signalId].sort().join()),
    );

    // The withdrawal names someone else entirely (another subject, another address).
    await publish(signalFromJson({ ...other!, signalId: 'wd-withdrawal', withdrawsSignalId: first!.signalId }));
    const xs = await alerts.waitFor(
      'the version without the withdrawn signal',
      (a) => signalIds(a.at(-1)!).join() === second!.signalId,
    );
    expect(xs.at(-1)!.version).toBeGreaterThan(xs.find((x) => signalIds(x).length === 2)!.version);
    expect(signalIds(await alerts.opened(xs.at(-1)!))).toEqual([second!.signalId]);

    const admin = await t.connect('broker-admin');
    const withdrawal = async () =>
      (await readStream(admin, 'AUDIT'))
        .filter((m) => m.subject === 'samenhang.audit.decisions')
        .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')))
        .find((d) => d.signalId === first!.signalId && d.decidingRule === 'WITHDRAWN');
    await waitUntil('the WITHDRAWN decision record', async () => (await withdrawal()) !== undefined);
    expect(await withdrawal()).toMatchObject({
      outcome: 'DENY',
      sourceAgency: 'politie-oost-nederland',
      recipient: 'rvt-foodvalley',
      fields: [],
    });
    expect((await withdrawal()).rulesEvaluated[0].reason).toContain('wd-withdrawal');
  }, 60_000);
});
