import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@samenhang/policy';
import { readFileSync } from 'node:fs';
import { EXPIRY_HEADER, dueEntries, expiryStamp, hasUnsent, nextDue, sweepReason } from '../src/expiry-stamp.js';
import { emptyPicture, withEntry } from '../src/family/picture.js';
import { NOW, entry, policy } from './entries.js';

const DAY = 86_400_000;
const stampOf = (p: Parameters<typeof expiryStamp>[0]) => expiryStamp(p, policy)![EXPIRY_HEADER]!;

describe('expiry stamps', () => {
  it('name the first retention end among entries not yet expired, under the policy digest', () => {
    const soon = entry('s1', 'politie-oost-nederland', 'POLICE', { expiresAt: NOW + DAY });
    const later = entry('s2', 'ggz-centraal', 'MENTAL_HEALTH', { expiresAt: NOW + 2 * DAY });
    const bySchool = entry('s3', 'lokaalteam-ede', 'LOCAL_TEAM', { category: 'SCHOOL_ABSENCE' }); // 12 months after observation
    const p = [later, soon, bySchool].reduce(withEntry, emptyPicture('sys_a'));
    expect(nextDue(p, policy)).toBe(NOW + DAY);
    expect(stampOf(p)).toBe(`${policy.digest} ${NOW + DAY}`);
    // An entry already expired (R14) is not due again: the next one is.
    const expired = withEntry(p, { ...soon, decision: { ...soon.decision, decidingRule: 'R14' } });
    expect(nextDue(expired, policy)).toBe(NOW + 2 * DAY);
    const observed = bySchool.observedAt;
    expect(nextDue(withEntry(emptyPicture('b'), bySchool), policy)).toBe(Date.UTC(new Date(observed).getUTCFullYear() + 1, new Date(observed).getUTCMonth(), new Date(observed).getUTCDate(), 12));
  });

  it('say "now" for an alert version recorded but not sent, and never for empty or merged pictures', () => {
    const p = withEntry(emptyPicture('sys_a'), entry('s1', 'politie-oost-nederland', 'POLICE', { expiresAt: NOW + DAY }));
    expect(nextDue({ ...p, alerts: { foodvalley: { version: 2, contentSha256: 'x', published: 1 } } }, policy)).toBe(0);
    expect(nextDue({ ...p, alerts: { foodvalley: { version: 2, contentSha256: 'x', published: 2, claim: 7 } } }, policy)).toBe(NOW + DAY);
    expect(stampOf(emptyPicture('sys_e'))).toBe(`${policy.digest} none`);
    expect(stampOf({ ...p, mergedInto: 'sys_b' })).toBe(`${policy.digest} none`);
    expect(expiryStamp(p, undefined)).toBeUndefined();
  });

  it('make the sweep read only what is due, or what has no valid stamp for this policy', () => {
    const other = parsePolicy(readFileSync(new URL('../../../packages/policy/policies/default.json', import.meta.url), 'utf8').replace('"defaultMonths": 24', '"defaultMonths": 36'));
    expect(other.digest).not.toBe(policy.digest);
    const vectors: [string | undefined, ReturnType<typeof sweepReason>][] = [
      [`${policy.digest} ${NOW}`, 'due'],
      [`${policy.digest} ${NOW - 1}`, 'due'],
      [`${policy.digest} 0`, 'due'],
      [`${policy.digest} ${NOW + 1}`, false],
      [`${policy.digest} none`, false],
      [undefined, 'unstamped'],
      ['', 'unstamped'],
      [`${other.digest} none`, 'unstamped'],
      [`${policy.digest}`, 'unstamped'],
      [`${policy.digest} soon`, 'unstamped'],
      [`${policy.digest} -5`, 'unstamped'],
      [`${policy.digest} 1e12`, 'unstamped'],
      [`${policy.digest} 99999999999999999999`, 'unstamped'],
      [`${policy.digest} ${NOW} extra`, 'unstamped'],
    ];
    for (const [stamp, reason] of vectors) expect([stamp, sweepReason(stamp, policy, NOW)]).toEqual([stamp, reason]);
  });

  it('never say "nothing due" for a picture the sweep would act on, nor the reverse', () => {
    const at = (i: number) => NOW + ((i * 7919) % 13) * DAY - 6 * DAY;
    for (let n = 0; n < 40; n++) {
      let p = emptyPicture(`sys_${n}`);
      for (let i = 0; i < n % 6; i++) {
        const e = entry(`s${i}`, 'politie-oost-nederland', 'POLICE', { expiresAt: at(n + i) });
        p = withEntry(p, i === 2 ? { ...e, decision: { ...e.decision, decidingRule: 'R14' } } : e);
      }
      if (n % 5 === 0) p = { ...p, alerts: { foodvalley: { version: 2, contentSha256: 'x', published: 1 } } };
      if (n % 7 === 0) p = { ...p, mergedInto: 'sys_other' };
      for (const now of [NOW - 7 * DAY, NOW, NOW + 7 * DAY]) {
        const stamp = expiryStamp(p, policy)![EXPIRY_HEADER];
        const acts = dueEntries(p, policy, now).length > 0 || hasUnsent(p);
        expect([p.systemId, now, sweepReason(stamp, policy, now) === 'due']).toEqual([p.systemId, now, acts]);
      }
    }
  });
});
