import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPicture } from '@samenhang/nats';
import { testBsns, startTestStack, type TestStack } from '@samenhang/testkit';
import { filesContaining } from './helpers/home-files.js';
import { policeAcute } from './helpers/police-signal.js';
import { AlertFollower, acceptedPublisher, signalIds } from './helpers/rvt.js';

/**
 * What the law protects stays out of every picture, end to end through the gateway and the
 * consent service: a victim's confidential address (never in the picture of the ex-partner it
 * protects her from, never a household link, never found by an address search) and the person
 * who reported a signal (sealed, never disclosed).
 */
describe('a confidential address and a reporter', () => {
  let t: TestStack;
  let twente: AlertFollower;
  beforeAll(async () => {
    t = await startTestStack();
    twente = await AlertFollower.open(await t.connect('rvt-twente'), 'twente');
  });
  afterAll(async () => {
    await twente.close();
    await t?.close();
  });

  it('keeps the protected address and the reporter out of the picture, the links and the search', async () => {
    const [partner, victim, neighbour] = testBsns(3, 841_000_000);
    const shelter = { postcode: '7511JK', houseNumber: 40 };
    const publish = await acceptedPublisher(t, 'politie-oost-nederland');
    // The ex-partner, at his own address, with the victim as related person.
    await publish(
      policeAcute({
        signalId: 'ca-partner',
        subject: { bsn: partner, name: 'Kees Vermeulen' },
        address: { postcode: '7512AB', houseNumber: 5 },
        relatedPersons: [{ person: { bsn: victim, name: 'Lotte Vermeulen' }, relation: 'EX_PARTNER' }],
      }),
    );
    // The victim, now at a shelter whose address is confidential; a neighbour reported it.
    await publish(
      policeAcute({
        signalId: 'ca-victim',
        subject: { bsn: victim, name: 'Lotte Vermeulen', confidentialAddress: true },
        address: shelter,
        summary: 'threatened at the door',
        reporter: { name: 'Anouk Buurvrouw', phone: '+31 6 1234 5678' },
      }),
    );
    // Someone else at the shelter: a confidential address links no one.
    await publish(
      policeAcute({ signalId: 'ca-neighbour', subject: { bsn: neighbour, name: 'Piet Anders' }, address: shelter }),
    );
    const alerts = await twente.waitFor('the ex-partners as one system', (a) =>
      a.some((s) => signalIds(s).join() === 'ca-partner,ca-victim'),
    );
    const notice = alerts.find((s) => signalIds(s).join() === 'ca-partner,ca-victim')!;
    const picture = await twente.opened(notice);
    const victimEntry = picture.entries.find((e) => e.signalId === 'ca-victim')!;
    const partnerEntry = picture.entries.find((e) => e.signalId === 'ca-partner')!;
    // Disclosed (acute danger), her name and what happened: but not where she is, nor who told.
    expect(victimEntry.shownAs).toBe('DISCLOSE');
    expect(victimEntry.subject?.name).toBe('Lotte Vermeulen');
    expect(victimEntry.address).toBeFalsy();
    expect(partnerEntry.address?.postcode).toBe('7512AB');
    const text = JSON.stringify(picture);
    expect(text).not.toContain('7511JK');
    expect(text).not.toContain('Anouk Buurvrouw');
    expect(text).not.toContain('1234 5678');
    // The neighbour at the same address is not in her family system.
    expect(alerts.every((s) => !(signalIds(s).includes('ca-neighbour') && signalIds(s).includes('ca-victim')))).toBe(
      true,
    );
    // An address search by the shelter finds the neighbour's system, never hers.
    const rvt = await t.connect('rvt-twente');
    const found = await requestPicture(rvt, 'twente', { address: shelter });
    expect(signalIds(found)).not.toContain('ca-victim');
    // The reporter is sealed wherever it rests: no file of the home holds the name in the clear.
    expect(filesContaining(t.paths.root, ['Anouk Buurvrouw', '7511JK'])).toEqual([]);
  }, 60_000);
});
