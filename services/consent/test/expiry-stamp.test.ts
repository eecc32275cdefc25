import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { retentionEnd } from '@samenhang/decision';
import { parsePolicy } from '@samenhang/policy';
import { emptyPicture, hasUnsent, type Picture, type SystemState, withEntry } from '@samenhang/family';
import { dueEntries, expiryFacts, stampDue, sweepReason } from '../src/expiry/stamp.js';
import { NOW, entry, policy } from '../../../packages/family/test/entries.js';

const DAY = 86_400_000;
/** A picture whose one family system has this alert state for Food Valley. */
const alerted = (p: Picture, alert: SystemState['alerts'][string]): Picture => ({
  ...p,
  systems: { sys_a: { persons: ['p_m'], mergedFrom: [], alerts: { foodvalley: alert } } },
});
/** The default policy with other retention periods: a stamp must serve it as well. */
const other = parsePolicy(
  readFileSync(new URL('../../../packages/policy/policies/default.json', import.meta.url), 'utf8')
    .replace('"defaultMonths": 24', '"defaultMonths": 1')
    .replace('"SCHOOL_ABSENCE": 12', '"SCHOOL_ABSENCE": 3'),
);

describe('expiry stamps', () => {
  it('hold the earliest explicit expiry and, per category, the earliest observation: the policy in force gives the first end', () => {
    const soon = entry('s1', 'politie-oost-nederland', 'POLICE', { expiresAt: NOW + DAY });
    const later = entry('s2', 'ggz-centraal', 'MENTAL_HEALTH', { expiresAt: NOW + 2 * DAY });
    const bySchool = entry('s3', 'lokaalteam-ede', 'LOCAL_TEAM', { category: 'SCHOOL_ABSENCE' });
    const p = [later, soon, bySchool].reduce(withEntry, emptyPicture('sys_a'));
    expect(expiryFacts(p)).toBe(`SCHOOL_ABSENCE=${bySchool.observedAt} at=${NOW + DAY}`);
    expect(stampDue(expiryFacts(p), policy)).toBe(NOW + DAY);
    // An entry already expired (R14) is not due again: the next one is.
    const expired = withEntry(p, { ...soon, decision: { ...soon.decision, decidingRule: 'R14' } });
    expect(stampDue(expiryFacts(expired), policy)).toBe(NOW + 2 * DAY);
    // Alone, the school signal ends when its category's retention says, under either policy.
    const school = expiryFacts(withEntry(emptyPicture('b'), bySchool));
    expect(stampDue(school, policy)).toBe(retentionEnd(bySchool, policy));
    expect(stampDue(school, other)).toBe(retentionEnd(bySchool, other));
    expect(retentionEnd(bySchool, other)).not.toBe(retentionEnd(bySchool, policy));
  });

  it('keep the earliest observation of the next month too: 1 February ends before 31 January', () => {
    const jan31 = Date.UTC(2026, 0, 31, 12);
    const feb1 = Date.UTC(2026, 1, 1, 12);
    const march = Date.UTC(2026, 2, 20, 12);
    const p = [jan31, feb1, march]
      .map((t, i) => entry(`s${i}`, 'lokaalteam-ede', 'LOCAL_TEAM', { category: 'HOUSING_NUISANCE', observedAt: t }))
      .reduce(withEntry, emptyPicture('sys_m'));
    expect(expiryFacts(p)).toBe(`HOUSING_NUISANCE+=${feb1} HOUSING_NUISANCE=${jan31}`);
    // One month on: 31 January → 3 March, 1 February → 1 March.
    expect(stampDue(expiryFacts(p), other)).toBe(Date.UTC(2026, 2, 1, 12));
    expect(Math.min(...Object.values(p.entries).map((e) => retentionEnd(e, other)))).toBe(Date.UTC(2026, 2, 1, 12));
  });

  it('say "now" for an alert version recorded but not sent, and "none" for empty or merged pictures', () => {
    const p = withEntry(
      emptyPicture('sys_a'),
      entry('s1', 'politie-oost-nederland', 'POLICE', { expiresAt: NOW + DAY }),
    );
    expect(expiryFacts(alerted(p, { version: 2, contentSha256: 'x', published: 1 }))).toBe('now');
    expect(expiryFacts(alerted(p, { version: 2, contentSha256: 'x', published: 2, claim: 7 }))).toBe(`at=${NOW + DAY}`);
    expect(expiryFacts(emptyPicture('sys_e'))).toBe('none');
    expect(expiryFacts({ ...p, mergedInto: 'sys_b' })).toBe('none');
  });

  it('make the sweep read only what is due, or what has no readable stamp', () => {
    const vectors: [string | undefined, ReturnType<typeof sweepReason>][] = [
      [`at=${NOW}`, 'due'],
      [`at=${NOW - 1}`, 'due'],
      ['now', 'due'],
      [`at=${NOW + 1}`, false],
      [`at=${NOW + 1} HOUSING_NUISANCE=${NOW - 800 * DAY}`, 'due'],
      [`HOUSING_NUISANCE=${NOW}`, false],
      ['none', false],
      [undefined, 'unstamped'],
      ['', 'unstamped'],
      // Older stamps named the policy they were computed under: read once, stamped anew.
      [`${policy.digest} none`, 'unstamped'],
      [`${policy.digest} ${NOW + DAY}`, 'unstamped'],
      ['at=soon', 'unstamped'],
      ['at=-5', 'unstamped'],
      ['at=1e12', 'unstamped'],
      ['at=99999999999999999', 'unstamped'],
      [`at=${NOW + 1}  HOUSING_NUISANCE=${NOW}`, 'unstamped'],
      [`housing=${NOW}`, 'unstamped'],
      [`HOUSING_NUISANCE++=${NOW}`, 'unstamped'],
      [`at=${NOW} now`, 'unstamped'],
    ];
    for (const [stamp, reason] of vectors) expect([stamp, sweepReason(stamp, policy, NOW)]).toEqual([stamp, reason]);
  });

  it('never say "nothing due" for a picture the sweep would act on, nor the reverse, under any policy', () => {
    // Observations around month ends (where adding months is not monotonic) and explicit expiries.
    // Entries in pairs of one category: the last days of one month and the first of the next.
    const observed = (n: number, i: number) =>
      i % 2 === 0
        ? Date.UTC(2025, (n % 12) + 1, -((n + i) % 2), (n * 7 + i) % 24)
        : Date.UTC(2025, (n % 12) + 1, 1 + ((n + i) % 2), (n * 5 + i) % 24);
    const categories = ['HOUSING_NUISANCE', 'SCHOOL_ABSENCE', 'DOMESTIC_VIOLENCE'];
    let checked = 0;
    for (let n = 0; n < 72; n++) {
      let p: Picture = emptyPicture(`sys_${n}`);
      for (let i = 0; i < 2 + (n % 5); i++) {
        const e = entry(`s${i}`, 'politie-oost-nederland', 'POLICE', {
          category: categories[(Math.floor(i / 2) + n) % 3]!,
          observedAt: observed(n, i),
          ...((n + i) % 5 === 0 ? { expiresAt: observed(n, i) + 40 * DAY } : {}),
        });
        p = withEntry(p, i === 4 ? { ...e, decision: { ...e.decision, decidingRule: 'R14' } } : e);
      }
      if (n % 5 === 0) p = alerted(p, { version: 2, contentSha256: 'x', published: 1 });
      if (n % 13 === 0) p = { ...p, mergedInto: 'sys_other' };
      const stamp = expiryFacts(p);
      for (const pol of [policy, other]) {
        const ends = Object.values(p.entries)
          .filter((e) => e.decision.decidingRule !== 'R14')
          .map((e) => retentionEnd(e, pol));
        // Just before, at and after the first end, and far from it.
        const times = [
          ...(ends.length ? [Math.min(...ends) - 1, Math.min(...ends), Math.min(...ends) + 1] : []),
          Date.UTC(2024, 0, 1),
          Date.UTC(2030, 0, 1),
        ];
        for (const now of times) {
          const acts = dueEntries(p, pol, now).length > 0 || hasUnsent(p);
          expect([p.systemId, pol.digest, now, sweepReason(stamp, pol, now) === 'due']).toEqual([
            p.systemId,
            pol.digest,
            now,
            acts,
          ]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  });
});
