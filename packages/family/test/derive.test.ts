import { describe, expect, it } from 'vitest';
import { decide } from '@samenhang/decision';
import {
  deriveSystems,
  emptyPicture,
  nextAlerts,
  type Picture,
  type PictureEntry,
  pictureDecision,
  systemIdOf,
  withCapped,
  withEntry,
  withWithdrawal,
} from '../src/index.js';
import { NOW, entry, policy } from './entries.js';

const CAP = policy.linking.maxPersonsPerAddress;
const at = (subject: string, household: string, n: number, over: Partial<PictureEntry> = {}) =>
  entry(`s${n}`, 'politie-oost-nederland', 'POLICE', { subjectPseudonym: subject, householdKey: household, ...over });
const naming = (subject: string, related: string, n: number, household = `h_${subject}`) =>
  at(subject, household, n, { related: [{ pseudonym: related, relation: 1 }] });
const groups = (p: Pick<Picture, 'entries' | 'capped'>) => deriveSystems(p, CAP).map((s) => s.persons);
const picture = (...es: PictureEntry[]) => es.reduce(withEntry, emptyPicture('sys_x'));
/** The same entry, decided as expired (R14) at NOW. */
const expired = (e: PictureEntry): PictureEntry => ({
  ...e,
  decision: pictureDecision(
    decide(
      {
        signal: { ...e, relatedPseudonyms: e.related.map((r) => r.pseudonym), expiresAt: NOW - 1 },
        consents: [],
        recipient: { id: 'rvt-foodvalley', region: 'foodvalley' },
        purpose: 'SAFETY_ASSESSMENT',
        now: NOW,
      },
      policy,
    ),
  ),
});

/** A small deterministic shuffle (no flaky seeds): a permutation per seed. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('family systems derived from the live signals', () => {
  it('link residents of one address and persons named by relation', () => {
    const p = picture(at('p_a', 'h_1', 1), at('p_b', 'h_1', 2), naming('p_c', 'p_d', 3));
    expect(groups(p)).toEqual(
      [
        ['p_a', 'p_b'],
        ['p_c', 'p_d'],
      ].sort((x, y) => (systemIdOf(x[0]!) < systemIdOf(y[0]!) ? -1 : 1)),
    );
  });

  it('split when the only signal naming a relation is withdrawn', () => {
    const link = naming('p_a', 'p_b', 1);
    const p = picture(link, at('p_b', 'h_b', 2));
    expect(groups(p)).toEqual([['p_a', 'p_b']]);
    expect(groups(withWithdrawal(p, link.key)).map((g) => g.join())).toEqual(['p_b']);
  });

  it('split when the linking signal expires: a denied or expired signal links nobody', () => {
    const link = naming('p_a', 'p_b', 1);
    const p = picture(expired(link), at('p_a', 'h_a', 3), at('p_b', 'h_b', 2));
    expect(
      groups(p)
        .map((g) => g.join())
        .sort(),
    ).toEqual(['p_a', 'p_b']);
  });

  it('undo the address links of an address over the cap for everyone there, not only newcomers', () => {
    const residents = Array.from({ length: CAP }, (_, i) => at(`p_${i}`, 'h_shelter', i));
    const p = picture(...residents);
    expect(groups(p)).toHaveLength(1); // at the cap: still one system
    expect(groups(picture(...residents, at('p_extra', 'h_shelter', 99)))).toHaveLength(CAP + 1);
    // Capped because residents elsewhere pushed it over: this picture links none of its own.
    expect(groups(withCapped(p, 'h_shelter')!)).toHaveLength(CAP);
  });

  it('do not count persons named by relation toward the cap: a large family keeps its address', () => {
    const children = Array.from({ length: CAP + 2 }, (_, i) => `p_child${i}`);
    const p = picture(...children.map((c, i) => naming('p_mother', c, i, 'h_home')), at('p_father', 'h_home', 50));
    expect(groups(p)).toEqual([['p_father', 'p_mother', ...children].sort()]);
  });

  it('are the same, ids included, in any order of arrival', () => {
    const signals = [
      at('p_a', 'h_1', 1),
      at('p_b', 'h_1', 2),
      naming('p_b', 'p_c', 3),
      at('p_d', 'h_2', 4),
      naming('p_e', 'p_d', 5),
      at('p_f', 'h_3', 6),
      expired(naming('p_f', 'p_a', 7)),
      ...Array.from({ length: CAP + 1 }, (_, i) => at(`p_s${i}`, 'h_shelter', 20 + i)),
    ];
    const reference = deriveSystems(picture(...signals), CAP);
    expect(reference.map((s) => s.persons.length).sort()).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3]);
    for (let seed = 1; seed <= 50; seed++) {
      const order = shuffled(signals, seed);
      expect(deriveSystems(picture(...order), CAP), `order ${seed}`).toEqual(reference);
    }
  });
});

describe('alert versions of derived systems', () => {
  // Two agencies about p_a and p_b at one address: the alert rule holds.
  const police = at('p_a', 'h_1', 1);
  const ggz = {
    ...entry('g1', 'ggz-centraal', 'MENTAL_HEALTH'),
    subjectPseudonym: 'p_b',
    householdKey: 'h_1',
    observedAt: NOW - 3_600_000,
  };
  const S = systemIdOf('p_a');

  it('send a correction when a system falls apart, and a first version for the part that left', () => {
    let p = nextAlerts(picture(police, ggz), policy, NOW, 1)!;
    expect(Object.keys(p.systems)).toEqual([S]);
    expect(p.systems[S]).toMatchObject({ persons: ['p_a', 'p_b'], alerts: { foodvalley: { version: 1 } } });

    p = nextAlerts(withCapped(p, 'h_1')!, policy, NOW, 2)!;
    // S keeps its founder p_a; its next version corrects the ones that showed p_b with p_a.
    expect(p.systems[S]).toMatchObject({ persons: ['p_a'], alerts: { foodvalley: { version: 2, correction: true } } });
    // p_b's system was shown before (inside S): its RVT gets a version of it now.
    expect(p.systems[systemIdOf('p_b')]).toMatchObject({ persons: ['p_b'], alerts: { foodvalley: { version: 1 } } });
    expect(nextAlerts(p, policy, NOW, 3)).toBeUndefined(); // nothing changed since: nothing to send
  });

  it('end a system that no longer exists with a correction naming where its persons are now', () => {
    const link = { ...naming('p_a', 'p_b', 1), severity: 'ACUTE' };
    let p = nextAlerts(picture(link, at('p_b', 'h_b', 2)), policy, NOW, 1)!;
    expect(p.systems[S]?.alerts.foodvalley?.version).toBe(1);
    p = nextAlerts(withWithdrawal(p, link.key), policy, NOW, 2)!;
    expect(p.systems[S]).toMatchObject({
      replacedBy: [systemIdOf('p_b')],
      alerts: { foodvalley: { version: 2, correction: true, contentSha256: 'correction' } },
    });
  });

  it('need no correction when a system only joins another: the joined one names it', () => {
    let p = nextAlerts(picture({ ...at('p_b', 'h_b', 1), severity: 'ACUTE' }), policy, NOW, 1)!;
    const B = systemIdOf('p_b');
    expect(p.systems[B]?.alerts.foodvalley?.version).toBe(1);
    // An older signal of p_a naming p_b arrives: p_a founds the joined system.
    const older = { ...naming('p_a', 'p_b', 0), observedAt: NOW - 5 * 86_400_000 };
    p = nextAlerts(withEntry(p, older), policy, NOW, 2)!;
    expect(p.systems[B]).toMatchObject({ replacedBy: [S], alerts: { foodvalley: { version: 1 } } });
    expect(p.systems[S]).toMatchObject({ mergedFrom: [B], alerts: { foodvalley: { version: 1 } } });
    expect(p.systems[S]?.alerts.foodvalley?.correction).toBeUndefined();
  });
});

describe('a split seen by two regions', () => {
  it('corrects the system in every region that saw it whole, also one where it has no entries left', () => {
    const f = { ...at('p_f', 'h_f', 1), severity: 'ACUTE' };
    const link = { ...naming('p_f', 'p_g', 2), severity: 'ACUTE' };
    const g = { ...at('p_g', 'h_g', 3), severity: 'ACUTE', region: 'twente' };
    let p = nextAlerts(picture(f, link, g), policy, NOW, 1)!;
    const F = systemIdOf('p_f');
    expect(Object.keys(p.systems[F]!.alerts).sort()).toEqual(['foodvalley', 'twente']);
    p = nextAlerts(withWithdrawal(p, link.key), policy, NOW, 2)!;
    // Twente saw F and G as one system under F's id: it is told that is no longer so.
    expect(p.systems[F]!.alerts.twente).toMatchObject({ version: 2, correction: true });
    expect(p.systems[F]!.alerts.foodvalley).toMatchObject({ version: 2, correction: true });
    expect(p.systems[systemIdOf('p_g')]!.alerts.twente).toMatchObject({ version: 1 });
  });
});
