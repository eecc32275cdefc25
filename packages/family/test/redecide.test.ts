import { describe, expect, it } from 'vitest';
import { decide, humanDecision, retentionEnd } from '@samenhang/decision';
import { loadRegistry } from '@samenhang/pki';
import { type PictureEntry, pictureDecision, redecide } from '../src/index.js';
import { NOW, entry, policy } from './entries.js';

const registry = loadRegistry(new URL('../../../certs-dev/registry.json', import.meta.url).pathname);
const given = [
  {
    consentId: 'c1',
    purpose: 'SAFETY_ASSESSMENT',
    recordedAt: NOW - 1000,
    registeredBy: 'lokaalteam-ede',
    scope: ['lokaalteam-ede'],
    status: 'GIVEN' as const,
  },
];
const inputs = (consents: typeof given | [], at?: (e: PictureEntry) => number) => ({
  registry,
  policy,
  purpose: 'SAFETY_ASSESSMENT',
  consentsOf: () => consents,
  at: at ?? (() => NOW),
});

describe('re-deciding an entry a person decided', () => {
  // A local team's signal, disclosed on the subject's consent (R9), that a person reviewed:
  // the disclosure withdrawn, an index only from now on.
  const base = entry('s1', 'lokaalteam-ede', 'LOCAL_TEAM', { category: 'DEBT' });
  const input = {
    signal: { ...base, relatedPseudonyms: [] },
    consents: given,
    recipient: { id: 'rvt-foodvalley', region: 'foodvalley' },
    purpose: 'SAFETY_ASSESSMENT',
    now: NOW,
  };
  const byRules = decide(input, policy);
  const withdrawn: PictureEntry = {
    ...base,
    decision: pictureDecision(
      humanDecision(
        input,
        {
          kind: 'REVIEW_WITHDRAW',
          by: 'person:1',
          organisation: 'rvt-foodvalley',
          of: { ...byRules, obligations: [{ type: 'HUMAN_REVIEW_24H', rule: 'R9', dueAt: '', description: '' }] },
        },
        policy,
      ),
    ),
  };

  it('keeps the decision when the rules would show more (a consent does not re-disclose it)', () => {
    expect(byRules.outcome).toBe('DISCLOSE');
    expect(withdrawn.decision).toMatchObject({ decidingRule: 'HUMAN-WITHDRAW', shownAs: 'INDEX' });
    expect(redecide([withdrawn], inputs(given))).toEqual({ records: [], redecided: [] });
  });

  it('gives way when the rules show less: an expiry ends it', () => {
    const out = redecide(
      [withdrawn],
      inputs([], (e) => retentionEnd(e, policy)),
    );
    expect(out.redecided.map((r) => r.decision.decidingRule)).toEqual(['R14']);
  });
});
