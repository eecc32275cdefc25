import { describe, expect, it } from 'vitest';
import { acuteSignals } from '@samenhang/testkit';
import { createPseudonymizer } from '@samenhang/pseudonym';
import type { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { bindKv, kvByteStore } from '@samenhang/nats';
import { loadBrokerKeys } from '@samenhang/service-base';
import { BUCKETS } from '@samenhang/topology';
import { Vault } from '@samenhang/vault';
import { acceptedPublisher, stackWithAlerts } from './helpers/rvt.js';

/**
 * Person records are remembered until a watch reports them written again (no longer re-read,
 * or rewritten, every minute "in case"). So a corrected name must reach the very next alert,
 * and a record another gateway stored must not be mistaken for the one this gateway stored.
 */
describe('person records followed by both services', () => {
  const stack = stackWithAlerts();
  type Json = Record<string, unknown> & {
    signalId: string;
    subject: { bsn: string; name: string; birthDate?: string };
  };
  const [first, second, third] = acuteSignals(3, { idPrefix: 'person-followed', bsnBase: 720_000_000 }).map(
    (x) => x.signal as Json,
  );
  const bsn = first!.subject.bsn;
  const about = (s: Json | undefined, name: string) =>
    signalFromJson({ ...s!, address: first!.address, subject: { ...first!.subject, bsn, name } });
  const names = (a: v1.HouseholdAlert) => a.entries.map((e) => e.subject?.name);

  it('shows a corrected name in the next alert, and stores a record again after another wrote it', async () => {
    const { t, alerts } = stack;
    const publish = await acceptedPublisher(t, 'politie-oost-nederland');
    const keys = loadBrokerKeys(t.paths);
    const person = createPseudonymizer(keys.pseudonymMaster).person(bsn);
    const js = (await t.connect('broker-admin')).jetstream();
    const vaultKv = await bindKv(js, BUCKETS.VAULT);
    const vault = new Vault(keys.vaultKek, kvByteStore(await bindKv(js, BUCKETS.VAULT_KEYS)), kvByteStore(vaultKv));

    await publish(about(first, 'M. Visser'));
    const [a1] = await alerts.waitFor('the first alert', (xs) => xs.length === 1);
    expect(names(await alerts.opened(a1!))).toEqual(['M. Visser']); // the consent service read (and remembers) the record

    // A corrected name: the gateway stores the record again; the next alert shows it in both entries.
    await publish(about(second, 'M. Visser-de Boer'));
    const xs = await alerts.waitFor('the second alert', (a) => a.some((x) => x.entries.length === 2));
    expect(names(await alerts.opened(xs.at(-1)!))).toEqual(['M. Visser-de Boer', 'M. Visser-de Boer']);
    const stored = (await vaultKv.get(`person.${person}`))!.revision;

    // Another gateway stores a different record. This gateway's next signal with the corrected
    // name must store it again, though it stored that very record moments ago.
    await vault.putPerson(person, {
      bsn,
      name: 'M. Visser (other gateway)',
      birthDate: first!.subject.birthDate ?? '',
    });
    expect((await vaultKv.get(`person.${person}`))!.revision).toBeGreaterThan(stored);
    await publish(about(third, 'M. Visser-de Boer'));
    const ys = await alerts.waitFor('the third alert', (a) => a.some((x) => x.entries.length === 3));
    expect(names(await alerts.opened(ys.at(-1)!))).toEqual([
      'M. Visser-de Boer',
      'M. Visser-de Boer',
      'M. Visser-de Boer',
    ]);
    expect((await vault.getPerson(person))?.name).toBe('M. Visser-de Boer');
  }, 60_000);
});
