import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { acuteSignals } from '@samenhang/testkit';
import { createPseudonymizer } from '@samenhang/pseudonym';
import type { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { bindKv } from '@samenhang/nats';
import { loadBrokerKeys } from '@samenhang/service-base';
import { BUCKETS } from '@samenhang/topology';
import { acceptedPublisher, stackWithAlerts } from './helpers/rvt.js';

/**
 * Data keys are remembered until a watch reports them purged (no longer re-read every minute
 * "in case"). So an erasure — a purged data key, crypto-shredding — must reach both services at
 * once: with the key still remembered for its minute, the consent service would show the erased
 * content in the next alert, and the gateway would seal new content under the erased key.
 */
describe('an erasure reaches the services at once', () => {
  const stack = stackWithAlerts();
  // One address, two persons: the second signal joins the first one's family system.
  type Json = Record<string, unknown> & { signalId: string; subject: { bsn: string }; address: unknown };
  const [first, second, later] = acuteSignals(3, { idPrefix: 'erasure', bsnBase: 710_000_000 }).map(
    (x) => x.signal as Json,
  );
  const address = first!.address;
  const signal = (s: Json | undefined, summary: string, bsn = s!.subject.bsn) =>
    signalFromJson({
      ...s!,
      address,
      subject: { bsn, name: 'E' },
      summary,
      contact: { name: `Contact of ${summary}`, phone: '+31 318 000 001' },
    });
  const entry = (a: v1.HouseholdAlert, id: string) => a.entries.find((e) => e.signalId === id);

  it('the next alert cannot show what was under the erased key; new content gets a new key', async () => {
    const { t, alerts } = stack;
    const publish = await acceptedPublisher(t, 'politie-oost-nederland');

    await publish(signal(first, 'before the erasure'));
    const [v1Alert] = await alerts.waitFor('the first alert', (xs) => xs.length === 1);
    expect(entry(await alerts.opened(v1Alert!), first!.signalId)?.summary).toBe('before the erasure'); // the consent service read (and remembers) the key

    // The person is erased the way crypto-shredding works: their data key is purged.
    const person = createPseudonymizer(loadBrokerKeys(t.paths).pseudonymMaster).person(first!.subject.bsn);
    const keys = await bindKv((await t.connect('broker-admin')).jetstream(), BUCKETS.VAULT_KEYS);
    expect(await keys.get(person)).not.toBeNull();
    await keys.purge(person);
    await sleep(500); // the watches' delivery: milliseconds; the time limit they replace was 60 s

    // A signal about someone else at the address: the alert shows the family again.
    await publish(signal(second, 'another person', second!.subject.bsn));
    const xs = await alerts.waitFor('the second alert', (a) => a.some((x) => x.entries.length === 2));
    const opened = await alerts.opened(xs.at(-1)!);
    const erased = entry(opened, first!.signalId)!;
    expect(erased.summary).toBe('');
    expect(erased.contact).toBeFalsy();
    expect(entry(opened, second!.signalId)?.summary).toBe('another person');
    // Nor does the earlier notice, opened again now, show it: content is read when it is fetched.
    expect(entry(await alerts.opened(v1Alert!), first!.signalId)?.summary).toBe('');

    // A new signal about the erased person: the gateway makes a new key, so it can be shown.
    await publish(signal(later, 'after the erasure', first!.subject.bsn));
    const ys = await alerts.waitFor('the third alert', (a) => a.some((x) => x.entries.length === 3));
    const openedLater = await alerts.opened(ys.at(-1)!);
    expect(entry(openedLater, later!.signalId)?.summary).toBe('after the erasure');
    expect(entry(openedLater, first!.signalId)?.summary).toBe('');
  }, 60_000);
});
