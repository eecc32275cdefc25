import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide, emptyTally, judge, replayBatch, type StoredDecision } from '@samenhang/decision';
import { DEFAULT_POLICY_FILE, loadDefaultPolicy, parsePolicy } from '@samenhang/policy';
import { consent, facts, input, NOW } from './helpers.js';

const current = loadDefaultPolicy();
/** A what-if: the mental-health rule (R5) is gone, so GGZ signals fall to the default rule. */
const withoutR5 = (() => {
  const p = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8'));
  p.policyVersion = `${p.policyVersion}-what-if`;
  p.rules = p.rules.filter((r: { id: string }) => r.id !== 'R5');
  p.precedence = p.precedence.filter((id: string) => id !== 'R5');
  return parsePolicy(JSON.stringify(p));
})();

function stored(over: Parameters<typeof facts>[0]): StoredDecision {
  const f = facts(over);
  const recipient = { id: 'rvt-foodvalley', region: 'foodvalley' };
  const d = decide({ signal: f, consents: [], recipient, purpose: 'SAFETY_ASSESSMENT', now: NOW }, current);
  return {
    facts: f,
    consents: [],
    recipient,
    purpose: 'SAFETY_ASSESSMENT',
    current: { outcome: d.outcome, shownAs: d.shownAs, decidingRule: d.decidingRule, fields: d.fields },
  };
}

const batch = [
  stored({ signalId: 'ggz', agencyId: 'ggz-centraal', agencyKind: 'MENTAL_HEALTH', category: 'PSYCHIATRIC_CRISIS' }),
  stored({
    signalId: 'police',
    agencyId: 'politie-oost-nederland',
    agencyKind: 'POLICE',
    category: 'DOMESTIC_VIOLENCE',
  }),
  stored({ signalId: 'debt' }),
];

describe('replayBatch', () => {
  it('finds no change under the policy that made the decisions', () => {
    const tally = emptyTally();
    replayBatch(batch, current, NOW, tally);
    expect(tally).toEqual({ evaluated: 3, changed: 0, byChange: {} });
  });

  it('tallies each changed decision by rule and outcome under another policy', () => {
    const tally = emptyTally();
    const out = replayBatch(batch, withoutR5, NOW, tally);
    // Without R5, the GGZ signal's index names its category again: a change of fields too.
    expect(tally).toEqual({ evaluated: 3, changed: 1, byChange: { 'R5 INDEX → R2 INDEX (+category)': 1 } });
    expect(out.find((r) => r.signalId === 'ggz')).toMatchObject({
      from: { outcome: 'INDEX', rule: 'R5' },
      to: { outcome: 'INDEX', rule: 'R2' },
      fields: { removed: [], added: ['category'] },
    });
    expect(out.find((r) => r.signalId === 'police')!.to.rule).toBe('R7');
  });

  it('decides as of the given moment: past its retention a signal is R14 DENY', () => {
    const tally = emptyTally();
    replayBatch(batch, current, NOW + 20 * 365 * 86_400_000, tally);
    // Denied, the recipient sees none of what it saw: every field is named as removed.
    expect(Object.keys(tally.byChange).every((k) => /→ R14 DENY \(−agency, /.test(k))).toBe(true);
    expect(tally.changed).toBe(3);
  });
});

describe('judge', () => {
  it('gives exactly the outcome and deciding rule decide() records, over every combination of facts', () => {
    const kinds: [string, string][] = [
      ['politie-oost-nederland', 'POLICE'],
      ['ggz-centraal', 'MENTAL_HEALTH'],
      ['lokaalteam-ede', 'LOCAL_TEAM'],
      ['rvt-foodvalley', 'RVT'],
      ['reclassering-nederland', 'JUSTICE'],
      ['x', 'UNKNOWN_KIND'],
    ];
    const consents = [
      [],
      [consent('GIVEN', ['ggz-centraal', 'lokaalteam-ede'])],
      [consent('OBJECTION', ['ggz-centraal'])],
    ];
    let n = 0;
    for (const policy of [current, withoutR5]) {
      for (const [agencyId, agencyKind] of kinds) {
        for (const category of ['DOMESTIC_VIOLENCE', 'CHILD_ABUSE', 'DEBT', 'PSYCHIATRIC_CRISIS', 'NOT_A_CATEGORY']) {
          for (const severity of ['LOW', 'MEDIUM', 'HIGH', 'ACUTE']) {
            for (const meldcodeDecision of [false, true]) {
              for (const c of consents) {
                for (const age of [10, 5000]) {
                  const x = input(
                    { agencyId, agencyKind, category, severity, meldcodeDecision, observedAt: NOW - age * 86_400_000 },
                    c,
                  );
                  const d = decide(x, policy);
                  expect(judge(x, policy), `${agencyKind} ${category} ${severity}`).toEqual({
                    outcome: d.outcome,
                    shownAs: d.shownAs,
                    decidingRule: d.decidingRule,
                    fields: d.fields,
                  });
                  n++;
                }
              }
            }
          }
        }
      }
    }
    expect(n).toBe(2 * 6 * 5 * 4 * 2 * 3 * 2);
  });
});
