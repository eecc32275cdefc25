import { describe, expect, it } from 'vitest';
import { decide, withdrawnDecision } from '@samenhang/decision';
import { loadDefaultPolicy, parsePolicy, DEFAULT_POLICY_FILE } from '@samenhang/policy';
import { readFileSync } from 'node:fs';
import { DAY, NOW, consent, input } from './helpers.js';

const policy = loadDefaultPolicy();
const d = (...a: Parameters<typeof input>) => decide(input(...a), policy);

describe('every rule of the default policy', () => {
  it('R1: the RVT of the region itself → DISCLOSE everything', () => {
    const r = d({ agencyId: 'rvt-foodvalley', agencyKind: 'RVT', category: 'DOMESTIC_VIOLENCE' });
    expect([r.outcome, r.decidingRule]).toEqual(['DISCLOSE', 'R1']);
    expect(r.fields).toContain('relatedPersons');
    expect(r.rulesEvaluated.find((e) => e.id === 'R1')).toMatchObject({
      assumption: true,
      citation: 'amended TKG law (RVT statutory task)',
    });
  });
  it("R1 does not apply to another region's RVT", () => {
    const r = decide({ ...input({ agencyId: 'rvt-twente', agencyKind: 'RVT' }) }, policy);
    expect(r.decidingRule).toBe('R2');
  });
  it('R2: any participating agency → at least INDEX with the Verwijsindex fields', () => {
    const r = d({ category: 'DEBT', severity: 'LOW' });
    expect([r.outcome, r.decidingRule, r.shownAs]).toEqual(['INDEX', 'R2', 'INDEX']);
    expect(r.fields).toEqual(['agency', 'category', 'observedAt', 'contact']);
  });
  it('R3: GGZ or local team with a Meldcode report of domestic violence → DISCLOSE necessary facts', () => {
    const r = d({
      agencyId: 'ggz-centraal',
      agencyKind: 'MENTAL_HEALTH',
      category: 'DOMESTIC_VIOLENCE',
      meldcodeDecision: true,
    });
    expect([r.outcome, r.decidingRule]).toEqual(['DISCLOSE', 'R3']);
    expect(r.fields).not.toContain('address');
    expect(r.rulesFired).toEqual(['R3', 'R5', 'R2']);
  });
  it('R3 needs the Meldcode decision', () => {
    const r = d({
      agencyId: 'ggz-centraal',
      agencyKind: 'MENTAL_HEALTH',
      category: 'DOMESTIC_VIOLENCE',
      meldcodeDecision: false,
    });
    expect(r.decidingRule).toBe('R5');
    expect(r.refused.find((x) => x.rule === 'R3')?.reason).toBe('no Meldcode report was made');
  });
  it('R5: GGZ without a stronger ground → INDEX, obligation to complete the Meldcode weighing', () => {
    const r = d({
      agencyId: 'ggz-centraal',
      agencyKind: 'MENTAL_HEALTH',
      category: 'PSYCHIATRIC_CRISIS',
      severity: 'HIGH',
    });
    expect([r.outcome, r.decidingRule]).toEqual(['INDEX', 'R5']);
    // Medical secrecy: that a care provider is involved, never what for (no category).
    expect(r.fields).toEqual(['agency', 'observedAt', 'contact']);
    expect(r.rulesEvaluated.find((e) => e.id === 'R5')).toMatchObject({
      assumption: true,
      citation: expect.stringContaining('BW art. 7:457'),
    });
    expect(r.obligations).toEqual([
      expect.objectContaining({
        type: 'COMPLETE_MELDCODE_WEIGHING',
        rule: 'R5',
        dueAt: new Date(NOW + 168 * 3_600_000).toISOString(),
      }),
    ]);
  });
  it('R6: ACUTE → DISCLOSE with human review due within 24 hours', () => {
    const r = d({
      agencyId: 'politie-oost-nederland',
      agencyKind: 'POLICE',
      category: 'DOMESTIC_VIOLENCE',
      severity: 'ACUTE',
    });
    expect([r.outcome, r.decidingRule]).toEqual(['DISCLOSE', 'R6']);
    expect(r.obligations).toEqual([
      expect.objectContaining({ type: 'HUMAN_REVIEW_24H', dueAt: new Date(NOW + 24 * 3_600_000).toISOString() }),
    ]);
    expect(r.rulesFired).toContain('R7');
  });
  it('R6 overrides an objection (vital interest)', () => {
    const r = d({ severity: 'ACUTE' }, [consent('OBJECTION', ['lokaalteam-ede'])]);
    expect(r.decidingRule).toBe('R6');
    expect(r.rulesFired).toContain('R15');
  });
  it('R7: police incident categories of at least MEDIUM severity → DISCLOSE incident facts', () => {
    for (const category of ['DOMESTIC_VIOLENCE', 'CHILD_ABUSE', 'AGGRESSION', 'HOUSING_NUISANCE', 'CRIMINAL_CASE']) {
      expect(d({ agencyId: 'politie-oost-nederland', agencyKind: 'POLICE', category }).decidingRule, category).toBe(
        'R7',
      );
    }
    expect(d({ agencyId: 'politie-oost-nederland', agencyKind: 'POLICE', category: 'DEBT' }).decidingRule).toBe('R2');
    const r = d({ agencyId: 'politie-oost-nederland', agencyKind: 'POLICE', category: 'AGGRESSION' });
    expect(r.rulesEvaluated.find((e) => e.id === 'R7')?.citation).toBe(
      'Wpg art. 16 and 19, Bpg ch. 4 (proportionality: severity MEDIUM or higher)',
    );
  });
  it('R7 has a severity floor: a LOW quarrel is an index, not a feed of names and addresses', () => {
    const low = d({
      agencyId: 'politie-oost-nederland',
      agencyKind: 'POLICE',
      category: 'DOMESTIC_VIOLENCE',
      severity: 'LOW',
    });
    expect([low.outcome, low.decidingRule]).toEqual(['INDEX', 'R2']);
    expect(low.fields).not.toContain('address');
    expect(low.refused).toContainEqual({ outcome: 'DISCLOSE', rule: 'R7', reason: 'severity LOW is below MEDIUM' });
  });
  it('R8: justice → INDEX, DISCLOSE from severity HIGH', () => {
    const medium = d({
      agencyId: 'reclassering-nederland',
      agencyKind: 'JUSTICE',
      category: 'CRIMINAL_CASE',
      severity: 'MEDIUM',
    });
    expect([medium.outcome, medium.decidingRule]).toEqual(['INDEX', 'R8']);
    expect(medium.refused[0]).toEqual({ outcome: 'DISCLOSE', rule: 'R8', reason: 'severity MEDIUM is below HIGH' });
    const high = d({
      agencyId: 'reclassering-nederland',
      agencyKind: 'JUSTICE',
      category: 'CRIMINAL_CASE',
      severity: 'HIGH',
    });
    expect([high.outcome, high.decidingRule]).toEqual(['DISCLOSE', 'R8']);
  });
  it('R9: recorded consent for this agency and purpose → DISCLOSE', () => {
    const r = d({}, [consent('GIVEN', ['lokaalteam-ede'])]);
    expect([r.outcome, r.decidingRule]).toEqual(['DISCLOSE', 'R9']);
    expect(r.consentRecord).toBe('c-GIVEN');
  });
  it('names the consent record only when the deciding rule relied on it', () => {
    expect(d({}, [consent('OBJECTION', ['lokaalteam-ede'], 5, 'obj-1')]).consentRecord).toBe('obj-1'); // R15
    expect(
      d({ severity: 'ACUTE' }, [consent('OBJECTION', ['lokaalteam-ede'], 5, 'obj-1')]).consentRecord,
    ).toBeUndefined(); // R6
    expect(d({}, []).consentRecord).toBeUndefined(); // R2
  });
  it('R9 needs consent covering the source agency, recorded before the decision', () => {
    expect(d({}, [consent('GIVEN', ['ggz-centraal'])]).decidingRule).toBe('R2');
    expect(d({}, [consent('GIVEN', ['lokaalteam-ede'], -1)]).decidingRule).toBe('R2');
  });
  it('R13: strips related persons unless needed for safety', () => {
    const debt = d({
      agencyId: 'rvt-foodvalley',
      agencyKind: 'RVT',
      category: 'DEBT',
      severity: 'MEDIUM',
      relatedPseudonyms: ['p_x'],
    });
    expect(debt.fields).not.toContain('relatedPersons');
    expect(debt.minimisation).toMatchObject({ rule: 'R13', removed: ['relatedPersons'] });
    const dv = d({ agencyId: 'rvt-foodvalley', agencyKind: 'RVT', category: 'DOMESTIC_VIOLENCE' });
    expect(dv.fields).toContain('relatedPersons');
    expect(dv.minimisation).toBeNull();
  });
  it('R14: past retention → DENY, even when acute', () => {
    const old = d({ severity: 'ACUTE', observedAt: NOW - 800 * DAY });
    expect([old.outcome, old.decidingRule, old.fields]).toEqual(['DENY', 'R14', []]);
    expect(old.refused).toContainEqual({
      outcome: 'DISCLOSE',
      rule: 'R6',
      reason: 'applies, but R14 takes precedence',
    });
    expect(d({ observedAt: NOW - 10 * DAY, expiresAt: NOW - DAY }).decidingRule).toBe('R14');
    expect(d({ category: 'SCHOOL_ABSENCE', observedAt: NOW - 400 * DAY }).decidingRule).toBe('R14'); // 12 months for school absence
    expect(d({ category: 'DEBT', observedAt: NOW - 400 * DAY }).decidingRule).toBe('R2');
  });
  it('R15: objection or withdrawn consent, not acute → HOLD, shown as INDEX, pending a human decision', () => {
    for (const status of ['OBJECTION', 'WITHDRAWN'] as const) {
      const r = d({}, [consent('GIVEN', ['lokaalteam-ede'], 30, 'c1'), consent(status, ['lokaalteam-ede'], 5, 'c2')]);
      expect([r.outcome, r.shownAs, r.decidingRule], status).toEqual(['HOLD', 'INDEX', 'R15']);
      expect(r.obligations[0]?.type).toBe('HUMAN_DECISION');
    }
    // Held, it shows the index without the subject's category.
    expect(d({}, [consent('OBJECTION', ['lokaalteam-ede'])]).fields).toEqual(['agency', 'observedAt', 'contact']);
    // Its legal basis is the restriction while the objection is weighed, not the right itself.
    expect(d({}, [consent('OBJECTION', ['lokaalteam-ede'])]).rulesEvaluated.find((e) => e.id === 'R15')).toMatchObject({
      citation: expect.stringMatching(/^AVG art\. 18\(1\)\(d\)/),
    });
    // Consent given again after a withdrawal counts: the latest record wins.
    expect(
      d({}, [consent('WITHDRAWN', ['lokaalteam-ede'], 30, 'c1'), consent('GIVEN', ['lokaalteam-ede'], 5, 'c2')])
        .decidingRule,
    ).toBe('R9');
  });
});

describe('R15 holds only where the AVG gives the right it answers', () => {
  it('does not hold police or justice data on an objection (Wpg and Wjsg, not AVG art. 21)', () => {
    const police = d({ agencyId: 'politie-oost-nederland', agencyKind: 'POLICE', category: 'AGGRESSION' }, [
      consent('OBJECTION', ['politie-oost-nederland']),
    ]);
    expect([police.outcome, police.decidingRule]).toEqual(['DISCLOSE', 'R7']);
    const justice = d({ agencyId: 'reclassering-nederland', agencyKind: 'JUSTICE', category: 'CRIMINAL_CASE' }, [
      consent('OBJECTION', ['reclassering-nederland']),
    ]);
    expect([justice.outcome, justice.decidingRule]).toEqual(['INDEX', 'R8']);
  });
  it('does not hold a Meldcode report: the law allows it without consent', () => {
    const r = d(
      { agencyId: 'ggz-centraal', agencyKind: 'MENTAL_HEALTH', category: 'CHILD_ABUSE', meldcodeDecision: true },
      [consent('OBJECTION', ['ggz-centraal'])],
    );
    expect([r.outcome, r.decidingRule]).toEqual(['DISCLOSE', 'R3']);
  });
});

describe('R13 strips what the law protects, and the record says so', () => {
  const acute = {
    agencyId: 'politie-oost-nederland',
    agencyKind: 'POLICE',
    category: 'DOMESTIC_VIOLENCE',
    severity: 'ACUTE',
  };
  it('never discloses a confidential address, even in acute danger', () => {
    const r = d({ ...acute, confidentialAddress: true });
    expect([r.outcome, r.decidingRule]).toEqual(['DISCLOSE', 'R6']);
    expect(r.fields).not.toContain('address');
    expect(r.fields).toContain('subject.name');
    expect(r.minimisation).toMatchObject({ rule: 'R13', removed: ['address'] });
    expect(d(acute).fields).toContain('address');
  });
  it('records the named reporter as stripped from every outcome that shows anything', () => {
    const r = d({ ...acute, hasReporter: true });
    expect(r.fields).not.toContain('reporter');
    expect(r.minimisation).toMatchObject({ rule: 'R13', removed: ['reporter'] });
    expect(r.minimisation?.reason).toContain('Jeugdwet art. 7.3.11');
    // Even a policy that lists the reporter among a rule's fields cannot show it.
    const raw = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8'));
    raw.rules.find((x: { id: string }) => x.id === 'R6').fields.push('reporter');
    const listed = decide(input({ ...acute, hasReporter: true }), parsePolicy(Buffer.from(JSON.stringify(raw))));
    expect(listed.fields).not.toContain('reporter');
    expect(listed.minimisation?.removed).toContain('reporter');
  });
});

describe('R0: fail closed', () => {
  it('denies everything when no policy is loaded, with the citation and the reason', () => {
    const r = decide(input({ severity: 'ACUTE' }), undefined, 'policy file corrupt');
    expect([r.outcome, r.decidingRule, r.fields, r.policy]).toEqual(['DENY', 'R0', [], null]);
    expect(r.failClosedReason).toBe('policy file corrupt');
    expect(r.rulesEvaluated.at(-1)?.citation).toBe('AVG art. 5(1)(a), 6(1)');
  });
  it.each([
    ['unknown agency kind', { agencyKind: 'BAKERY' }],
    ['unknown category', { category: 'GOSSIP' }],
    ['unknown severity', { severity: 'EXTREME' }],
    ['recipient of another region', { region: 'twente' }],
  ])('denies on %s', (_n, over) => {
    expect(decide(input(over), policy).decidingRule).toBe('R0');
  });
  it('denies for an unknown purpose', () => {
    expect(decide({ ...input(), purpose: 'MARKETING' }, policy).decidingRule).toBe('R0');
  });
  it('denies when evaluation throws', () => {
    const broken = { ...policy, precedence: ['R2', 'R99'] } as typeof policy;
    expect(decide(input(), broken)).toMatchObject({ outcome: 'DENY', decidingRule: 'R0' });
  });
  it('denies when no rule grants (a policy without the R2 floor)', () => {
    const text = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8'));
    text.rules = text.rules.filter((r: { id: string }) => r.id !== 'R2');
    text.precedence = text.precedence.filter((id: string) => id !== 'R2');
    const r = decide(input({ category: 'DEBT' }), parsePolicy(JSON.stringify(text)));
    expect([r.outcome, r.decidingRule, r.failClosedReason]).toEqual([
      'DENY',
      'R0',
      'no rule grants anything for this signal',
    ]);
  });
});

describe('decision records', () => {
  it('are deterministic and pinned to inputs and policy', () => {
    const a = d({}, [consent('GIVEN', ['lokaalteam-ede'])]);
    const b = d({}, [consent('GIVEN', ['lokaalteam-ede'])]);
    expect(a).toEqual(b);
    expect(a.decisionId).toMatch(/^dec_[0-9a-f]{32}$/);
    expect(a.inputsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.policy).toEqual({ version: '2026.12-1', digest: policy.digest });
    expect(d({ severity: 'HIGH' }).inputsSha256).not.toBe(a.inputsSha256);
  });
  it('choose the least intrusive outcome that serves the purpose and say why nothing more', () => {
    const r = d({
      agencyId: 'ggz-centraal',
      agencyKind: 'MENTAL_HEALTH',
      category: 'PSYCHIATRIC_CRISIS',
      severity: 'HIGH',
    });
    expect(r.outcome).toBe('INDEX');
    expect(r.refused.map((x) => x.rule)).toEqual(['R6', 'R1', 'R3', 'R9', 'R7', 'R8']);
    expect(r.fields).not.toContain('category');
    expect(r.refused.find((x) => x.rule === 'R9')?.reason).toBe('no consent is recorded for this agency and purpose');
  });
  it('carry pseudonyms and codes only', () => {
    const text = JSON.stringify(d({ relatedPseudonyms: ['p_f'] }));
    expect(text).toContain('p_m');
    expect(text).not.toMatch(/\b\d{9}\b/);
  });
});

describe('a withdrawal', () => {
  it('is a DENY decision of its own, naming the withdrawing signal, with an id no policy decision has', () => {
    const before = decide(input(), policy);
    const w = withdrawnDecision(input(), policy, 'w-1');
    expect([w.outcome, w.shownAs, w.decidingRule, w.fields]).toEqual(['DENY', 'DENY', 'WITHDRAWN', []]);
    expect(w.rulesEvaluated[0]!.reason).toMatch(/withdrawn by .* with signal w-1/);
    expect(w.decisionId).not.toBe(before.decisionId);
    expect(withdrawnDecision(input(), policy, 'w-1').decisionId).toBe(w.decisionId); // a redelivery writes the same record
  });
});
