import { canonicalSha256 } from '@samenhang/canonical';
import type { DisclosableField, LoadedPolicy, Outcome, Rule } from '@samenhang/policy';
import { evaluate, severityRank, type ConditionContext } from './conditions.js';
import { consentFor } from './consent.js';
import type { ConsentFact, DecisionInput } from './facts.js';
import type { DecisionObligation, DecisionRecord, RuleEvaluation } from './record.js';
import { retentionEnd } from './retention.js';

/** R0 holds even when no policy could be loaded: it is the engine's own rule. */
export const FAIL_CLOSED = { id: 'R0', citation: 'AVG art. 5(1)(a), 6(1)' } as const;

const INTRUSIVENESS: Record<Outcome, number> = { DENY: 0, INDEX: 1, HOLD: 1, DISCLOSE: 2 };

/** What every decision record says besides its outcome. */
export interface Base {
  readonly decisionId: string;
  readonly decidedAt: string;
  readonly signal: DecisionInput['signal'];
  readonly recipient: string;
  readonly purpose: string;
  readonly policy: DecisionRecord['policy'];
  readonly inputsSha256: string;
}

export function base(input: DecisionInput, policy: LoadedPolicy | undefined, inputsSha256: string): Base {
  const decisionId = `dec_${canonicalSha256({ inputsSha256, policy: policy?.digest ?? null, recipient: input.recipient.id }).slice(0, 32)}`;
  return {
    decisionId,
    decidedAt: new Date(input.now).toISOString(),
    signal: input.signal,
    recipient: input.recipient.id,
    purpose: input.purpose,
    policy: policy ? { digest: policy.digest, version: policy.policyVersion } : null,
    inputsSha256,
  };
}

export type Outcomes = Pick<
  DecisionRecord,
  | 'outcome'
  | 'shownAs'
  | 'decidingRule'
  | 'rulesEvaluated'
  | 'rulesFired'
  | 'refused'
  | 'fields'
  | 'minimisation'
  | 'obligations'
  | 'failClosedReason'
  | 'consentRecord'
>;

/**
 * The record with its keys in canonical (RFC 8785) order, here and in every object
 * below: the audit writer's canonical JSON is then one JSON.stringify, without sorting
 * copies (docs/history/performance-rounds.md). A test checks the order.
 */
export function record(b: Base, o: Outcomes, human?: DecisionRecord['human']): DecisionRecord {
  const s = b.signal;
  return {
    ...(o.consentRecord !== undefined ? { consentRecord: o.consentRecord } : {}),
    decidedAt: b.decidedAt,
    decidingRule: o.decidingRule,
    decisionId: b.decisionId,
    facts: {
      category: s.category,
      ...(s.confidentialAddress ? { confidentialAddress: true as const } : {}),
      observedAt: new Date(s.observedAt).toISOString(),
      severity: s.severity,
    },
    ...(o.failClosedReason !== undefined ? { failClosedReason: o.failClosedReason } : {}),
    fields: o.fields,
    householdKey: s.householdKey,
    ...(human ? { human } : {}),
    inputsSha256: b.inputsSha256,
    minimisation: o.minimisation,
    obligations: o.obligations,
    outcome: o.outcome,
    policy: b.policy,
    purpose: b.purpose,
    recipient: b.recipient,
    refused: o.refused,
    relatedPseudonyms: [...s.relatedPseudonyms],
    rulesEvaluated: o.rulesEvaluated,
    rulesFired: o.rulesFired,
    shownAs: o.shownAs,
    signalId: s.signalId,
    sourceAgency: s.agencyId,
    sourceKind: s.agencyKind,
    subjectPseudonym: s.subjectPseudonym,
    type: 'decision',
  };
}

function failClosed(
  input: DecisionInput,
  policy: LoadedPolicy | undefined,
  inputsSha256: string,
  reason: string,
  evaluated: RuleEvaluation[] = [],
): DecisionRecord {
  const citation = policy?.failClosed.citation ?? FAIL_CLOSED.citation;
  return record(base(input, policy, inputsSha256), {
    outcome: 'DENY',
    shownAs: 'DENY',
    decidingRule: FAIL_CLOSED.id,
    rulesEvaluated: [...evaluated, { applies: true, assumption: false, citation, id: FAIL_CLOSED.id, reason }],
    rulesFired: [FAIL_CLOSED.id],
    refused: [],
    fields: [],
    minimisation: null,
    obligations: [],
    failClosedReason: reason,
  });
}

/** Names the decision that ends a signal because its own agency withdrew it. */
export const WITHDRAWN = {
  id: 'WITHDRAWN',
  citation: 'AVG art. 5(1)(d) (accuracy): withdrawn by the agency that sent it',
} as const;

/**
 * The decision record of a withdrawal: the signal is no longer shown to anyone (DENY), for
 * the reason that its agency withdrew it with signal `by`. Its id differs from every policy
 * decision of the same signal (the withdrawing signal is part of its inputs).
 */
export function withdrawnDecision(input: DecisionInput, policy: LoadedPolicy | undefined, by: string): DecisionRecord {
  const inputsSha256 = canonicalSha256({ input, withdrawnBy: by });
  const reason = `withdrawn by ${input.signal.agencyId} with signal ${by}`;
  return record(base(input, policy, inputsSha256), {
    outcome: 'DENY',
    shownAs: 'DENY',
    decidingRule: WITHDRAWN.id,
    rulesEvaluated: [{ applies: true, assumption: false, citation: WITHDRAWN.citation, id: WITHDRAWN.id, reason }],
    rulesFired: [WITHDRAWN.id],
    refused: [],
    fields: [],
    minimisation: null,
    obligations: [],
  });
}

function unknownInput(input: DecisionInput, policy: LoadedPolicy): string | undefined {
  const s = input.signal;
  if (input.purpose !== policy.purpose) return `purpose ${input.purpose} is not ${policy.purpose}`;
  if (!policy.agencyKinds.includes(s.agencyKind)) return `agency kind ${s.agencyKind} is unknown to the policy`;
  if (!policy.categories.includes(s.category)) return `category ${s.category} is unknown to the policy`;
  if (severityRank(s.severity) < 0) return `severity ${s.severity} is unknown`;
  if (s.region !== input.recipient.region)
    return `recipient ${input.recipient.id} is not the RVT of region ${s.region}`;
  return undefined;
}

/**
 * R13: what a disclosure leaves out, each for its reason — fields the policy never discloses,
 * a reporter the signal names (never shown, whatever a rule lists), a protected address, and
 * related persons where they are not needed for safety.
 */
function minimise(fields: readonly DisclosableField[], ctx: ConditionContext, policy: LoadedPolicy) {
  const m = policy.minimisation;
  const s = ctx.signal;
  const removed = new Set<DisclosableField>(fields.filter((f) => m.neverDisclose.includes(f)));
  const reasons: string[] = [];
  if (removed.size > 0) reasons.push(`never disclosed: ${[...removed].join(', ')}`);
  // A named reporter is stripped from every outcome that shows anything, and the record says so.
  if (s.hasReporter && fields.length > 0) {
    removed.add('reporter');
    reasons.push('the reporter is never disclosed (Jeugdwet art. 7.3.11)');
  }
  if (s.confidentialAddress && fields.includes('address')) {
    removed.add('address');
    reasons.push("the subject's address is protected (confidential address)");
  }
  if (fields.includes('relatedPersons') && !m.keepRelatedPersonsWhen.some((c) => evaluate(c, ctx).holds)) {
    removed.add('relatedPersons');
    reasons.push(
      'related persons are not needed for safety here (not domestic violence or child abuse, severity below HIGH)',
    );
  }
  const kept = fields.filter((f) => !removed.has(f));
  if (removed.size === 0) return { kept, minimisation: null };
  return { kept, minimisation: { reason: reasons.join('; '), removed: [...removed], rule: m.id } };
}

const consentOf = (c: ConsentFact | undefined) => ({ consent: c?.status, consentId: c?.consentId });

function contextOf(input: DecisionInput, policy: LoadedPolicy): ConditionContext {
  const s = input.signal;
  return {
    signal: s,
    sourceIsRecipient: s.agencyKind === 'RVT' && s.agencyId === input.recipient.id,
    ...consentOf(consentFor(input.consents, s.agencyId, input.purpose, input.now)),
    expired: retentionEnd(s, policy) <= input.now,
  };
}

const ORDERED = new WeakMap<LoadedPolicy, readonly Rule[]>();

/** The rules in precedence order (looked up once per policy). */
function rulesInOrder(policy: LoadedPolicy): readonly Rule[] {
  let rules = ORDERED.get(policy);
  if (!rules) {
    rules = policy.precedence.map((id) => policy.rules.find((r) => r.id === id)!);
    ORDERED.set(policy, rules);
  }
  return rules;
}

export interface Judgement {
  readonly outcome: Outcome;
  readonly shownAs: Exclude<Outcome, 'HOLD'>;
  readonly decidingRule: string;
  /** What the recipient would see of the signal, after R13 minimisation. */
  readonly fields: readonly DisclosableField[];
}

/** The fields an outcome by `rule` shows, before minimisation. */
const fieldsOf = (rule: Rule, outcome: Outcome, policy: LoadedPolicy): readonly DisclosableField[] =>
  outcome === 'DISCLOSE' ? (rule.fields ?? []) : outcome === 'DENY' ? [] : (rule.indexFields ?? policy.indexFields);

/**
 * Only the outcome and deciding rule of what decide() would record — the same
 * rules, the same order — without hashing inputs or explaining every rule. For
 * replay, which re-decides a whole signal base and writes nothing.
 */
export function judge(input: DecisionInput, policy: LoadedPolicy): Judgement {
  const denied: Judgement = { outcome: 'DENY', shownAs: 'DENY', decidingRule: FAIL_CLOSED.id, fields: [] };
  try {
    if (unknownInput(input, policy)) return denied;
    const ctx = contextOf(input, policy);
    for (const rule of rulesInOrder(policy)) {
      if (!evaluate(rule.when, ctx).holds) continue;
      const outcome: Outcome = rule.discloseWhen && evaluate(rule.discloseWhen, ctx).holds ? 'DISCLOSE' : rule.outcome;
      const { kept } = minimise(fieldsOf(rule, outcome, policy), ctx, policy);
      return { outcome, shownAs: outcome === 'HOLD' ? 'INDEX' : outcome, decidingRule: rule.id, fields: kept };
    }
    return denied;
  } catch {
    return denied;
  }
}

/**
 * Decides what the recipient RVT may see of one signal (docs/policy.md). Pure and
 * synchronous: the same input and policy always give the same record. Any
 * missing policy, unknown input or evaluation error gives DENY under R0.
 */
export function decide(
  input: DecisionInput,
  policy: LoadedPolicy | undefined,
  unavailableReason = 'no valid policy is loaded',
): DecisionRecord {
  const inputsSha256 = canonicalSha256(input);
  if (!policy) return failClosed(input, undefined, inputsSha256, unavailableReason);
  try {
    const unknown = unknownInput(input, policy);
    if (unknown) return failClosed(input, policy, inputsSha256, unknown);

    const ctx = contextOf(input, policy);
    const evaluated = rulesInOrder(policy).map((rule) => ({ rule, ...evaluate(rule.when, ctx) }));
    const deciding = evaluated.find((e) => e.holds);
    const evaluations: RuleEvaluation[] = evaluated.map(({ rule, holds, reason }) => ({
      applies: holds,
      assumption: rule.assumption,
      ...(rule.assumptionNote ? { assumptionNote: rule.assumptionNote } : {}),
      citation: rule.citation,
      id: rule.id,
      reason,
    }));
    if (!deciding)
      return failClosed(input, policy, inputsSha256, 'no rule grants anything for this signal', evaluations);

    const rule: Rule = deciding.rule;
    const escalation = rule.discloseWhen ? evaluate(rule.discloseWhen, ctx) : undefined;
    const outcome: Outcome = escalation?.holds ? 'DISCLOSE' : rule.outcome;
    const { kept, minimisation } = minimise(fieldsOf(rule, outcome, policy), ctx, policy);

    // Why nothing more intrusive: every rule that would have shown more, and why it did not.
    const refused = evaluated
      .filter((e) => e.rule !== rule)
      .flatMap((e) => {
        const could: Outcome = e.rule.discloseWhen ? 'DISCLOSE' : e.rule.outcome;
        if (INTRUSIVENESS[could] <= INTRUSIVENESS[outcome]) return [];
        return [
          { outcome: could, reason: e.holds ? `applies, but ${rule.id} takes precedence` : e.reason, rule: e.rule.id },
        ];
      });
    if (escalation && !escalation.holds)
      refused.unshift({ outcome: 'DISCLOSE', reason: escalation.reason, rule: rule.id });

    const obligations: DecisionObligation[] = rule.obligation
      ? [
          {
            description: rule.obligation.description,
            dueAt: new Date(input.now + rule.obligation.dueHours * 3_600_000).toISOString(),
            rule: rule.id,
            type: rule.obligation.type,
          },
        ]
      : [];
    return record(base(input, policy, inputsSha256), {
      outcome,
      shownAs: outcome === 'HOLD' ? 'INDEX' : outcome,
      decidingRule: rule.id,
      rulesEvaluated: evaluations,
      rulesFired: [rule.id, ...evaluated.filter((e) => e.holds && e.rule !== rule).map((e) => e.rule.id)],
      refused,
      fields: kept,
      minimisation,
      obligations,
      // A decision that rests on a consent or objection names the record it relied on.
      ...(rule.when.consent && ctx.consentId ? { consentRecord: ctx.consentId } : {}),
    });
  } catch (e) {
    return failClosed(input, policy, inputsSha256, `policy evaluation failed: ${(e as Error).message}`);
  }
}
