import { describe, expect, it } from 'vitest';
import { canonicalJson, inCanonicalOrder } from '@samenhang/canonical';
import { decide, humanDecision, humanDecisionFits } from '@samenhang/decision';
import { loadDefaultPolicy } from '@samenhang/policy';
import { consent, input } from './helpers.js';

const policy = loadDefaultPolicy();
const person = { by: 'person:1a2b', organisation: 'rvt-foodvalley' };

describe("a person's decision", () => {
  const acuteInput = input({ agencyId: 'politie-oost-nederland', agencyKind: 'POLICE', severity: 'ACUTE' });
  const acute = decide(acuteInput, policy);
  // An objection of the subject holds a non-acute signal (R15) until a person decides.
  const heldInput = input({ category: 'DOMESTIC_VIOLENCE' }, [consent('OBJECTION', ['lokaalteam-ede'])]);
  const held = decide(heldInput, policy);

  it('answers only what is due: a review an ACUTE disclosure, a release or denial a hold', () => {
    expect(acute.obligations.map((o) => o.type)).toEqual(['HUMAN_REVIEW_24H']);
    expect(held.outcome).toBe('HOLD');
    expect(humanDecisionFits('REVIEW_UPHELD', acute)).toBe(true);
    expect(humanDecisionFits('HOLD_RELEASE', acute)).toBe(false);
    expect(humanDecisionFits('HOLD_DENY', held)).toBe(true);
    expect(humanDecisionFits('REVIEW_WITHDRAW', held)).toBe(false);
  });

  it('UPHELD keeps what was shown and fulfils the review; WITHDRAW shows the index only', () => {
    const upheld = humanDecision(acuteInput, { kind: 'REVIEW_UPHELD', ...person, of: acute }, policy);
    expect(upheld).toMatchObject({ outcome: 'DISCLOSE', fields: acute.fields, obligations: [] });
    expect(upheld.decidingRule).toBe('HUMAN-UPHELD');
    expect(upheld.human).toEqual({
      by: 'person:1a2b',
      kind: 'REVIEW_UPHELD',
      of: acute.decisionId,
      organisation: 'rvt-foodvalley',
    });
    const withdrawn = humanDecision(acuteInput, { kind: 'REVIEW_WITHDRAW', ...person, of: acute }, policy);
    expect(withdrawn).toMatchObject({
      outcome: 'INDEX',
      shownAs: 'INDEX',
      fields: policy.indexFields,
      obligations: [],
    });
    expect(withdrawn.fields).not.toContain('summary');
  });

  it('RELEASE decides as the rules would without the hold; DENY shows nothing', () => {
    const released = humanDecision(heldInput, { kind: 'HOLD_RELEASE', ...person, of: held }, policy);
    const withoutObjection = decide(input({ category: 'DOMESTIC_VIOLENCE' }), policy);
    expect([released.outcome, released.fields]).toEqual([withoutObjection.outcome, withoutObjection.fields]);
    expect(released.rulesEvaluated[0]).toMatchObject({ id: 'HUMAN-RELEASE', applies: true });
    expect(released.rulesEvaluated.some((r) => r.id === 'R15')).toBe(false);
    const denied = humanDecision(heldInput, { kind: 'HOLD_DENY', ...person, of: held }, policy);
    expect(denied).toMatchObject({ outcome: 'DENY', shownAs: 'DENY', fields: [], decidingRule: 'HUMAN-DENY' });
  });

  it('has an id of who decided what about which decision: a redelivery records it once', () => {
    const a = humanDecision(acuteInput, { kind: 'REVIEW_UPHELD', ...person, of: acute }, policy);
    expect(humanDecision(acuteInput, { kind: 'REVIEW_UPHELD', ...person, of: acute }, policy).decisionId).toBe(
      a.decisionId,
    );
    expect(
      humanDecision(acuteInput, { kind: 'REVIEW_UPHELD', ...person, by: 'person:other', of: acute }, policy).decisionId,
    ).not.toBe(a.decisionId);
    expect(a.decisionId).not.toBe(acute.decisionId);
    expect(inCanonicalOrder(a)).toBe(true);
    expect(JSON.stringify(a)).toBe(canonicalJson(a));
  });
});
