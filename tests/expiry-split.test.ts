import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBsns, startTestStack, type TestStack } from '@samenhang/testkit';
import { policeAcute } from './helpers/police-signal.js';
import { AlertFollower, acceptedPublisher, signalIds } from './helpers/rvt.js';

/**
 * A link lasts as long as the signal that made it: when the only signal naming a relation
 * passes its retention, the expiry sweep re-decides it (R14) and the system it held together
 * splits, with a correction to the RVT that saw it whole.
 */
describe('a linking signal that expires', () => {
  let t: TestStack;
  let twente: AlertFollower;
  beforeAll(async () => {
    t = await startTestStack({ serviceEnv: { SAMENHANG_EXPIRY_SWEEP_MS: '500' } });
    twente = await AlertFollower.open(await t.connect('rvt-twente'), 'twente');
  });
  afterAll(async () => {
    await twente.close();
    await t?.close();
  });

  it('splits the system it alone held together, and corrects the version that showed it whole', async () => {
    const [x, y] = testBsns(2, 830_000_000);
    const publish = await acceptedPublisher(t, 'politie-oost-nederland');
    const send = (over: Record<string, unknown>) => publish(policeAcute(over));
    const home = { postcode: '7552AA', houseNumber: 1 };
    await send({ signalId: 'e-x', subject: { bsn: x, name: 'X' }, address: home });
    await send({ signalId: 'e-y', subject: { bsn: y, name: 'Y' }, address: { postcode: '7553BB', houseNumber: 2 } });
    await send({
      signalId: 'e-link',
      subject: { bsn: x, name: 'X' },
      address: home,
      relatedPersons: [{ person: { bsn: y, name: 'Y' }, relation: 'EX_PARTNER' }],
      expiresAt: new Date(Date.now() + 4_000).toISOString(),
    });
    const whole = await twente.waitFor('x and y as one system', (a) =>
      a.some((s) => signalIds(s).join() === 'e-link,e-x,e-y'),
    );
    const one = whole.find((s) => signalIds(s).join() === 'e-link,e-x,e-y')!;
    const seen = twente.alerts.length;
    const after = await twente.waitFor(
      'the split, with a correction',
      (a) => {
        const later = a.slice(seen);
        return later.some((s) => s.correction) && later.some((s) => signalIds(s).join() === 'e-y');
      },
      20_000,
    );
    const later = after.slice(seen);
    expect(later.find((s) => s.correction)!.systemId).toBe(one.systemId);
    const newest = new Map(later.map((s) => [s.systemId, s]));
    expect([...newest.values()].map((s) => signalIds(s).join()).sort()).toEqual(['e-x', 'e-y']);
  }, 60_000);
});
