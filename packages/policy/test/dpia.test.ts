import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultPolicy } from '@samenhang/policy';

const dpia = readFileSync(join(import.meta.dirname, '../../../docs/dpia.md'), 'utf8');
const policyDoc = readFileSync(join(import.meta.dirname, '../../../docs/policy.md'), 'utf8');

/** The DPIA and the policy's explanation stay true to the shipped policy: no rule left out of either. */
describe('the DPIA starter and docs/policy.md name every rule of the default policy', () => {
  const policy = loadDefaultPolicy();
  const ids = [policy.failClosed.id, ...policy.rules.map((r) => r.id), policy.minimisation.id];
  for (const id of ids)
    it(id, () => {
      expect(dpia).toMatch(new RegExp(`\\| ${id} +\\|`));
      expect(policyDoc).toContain(`**${id} — `);
    });
  it('names each assumption rule as resting on an assumption in the DPIA', () => {
    for (const r of policy.rules.filter((x) => x.assumption)) {
      const row = dpia.split('\n').find((l) => l.startsWith(`| ${r.id} `))!;
      expect(row.split('|').at(-2)!.trim(), r.id).not.toBe('—');
    }
  });
  it('gives every rule an explanation in Dutch and English', () => {
    for (const r of policy.rules) expect([r.id, r.explanation?.nl, r.explanation?.en].every(Boolean)).toBe(true);
  });
});
