import { canonicalSha256 } from '@samenhang/canonical';
import type { LoadedPolicy } from '@samenhang/policy';
import { decide, record, base } from './decide.js';
import type { DecisionInput } from './facts.js';
import type { DecisionRecord } from './record.js';

export type HumanDecisionKind = 'REVIEW_UPHELD' | 'REVIEW_WITHDRAW' | 'HOLD_RELEASE' | 'HOLD_DENY';

/** The rule each human decision is recorded under: its id and what it rests on. */
export const HUMAN_RULES: Record<HumanDecisionKind, { readonly id: string; readonly citation: string }> = {
  REVIEW_UPHELD: {
    id: 'HUMAN-UPHELD',
    citation: 'AVG art. 5(2), 24 (accountability): the review the deciding rule requires, by a person',
  },
  REVIEW_WITHDRAW: {
    id: 'HUMAN-WITHDRAW',
    citation: 'AVG art. 5(1)(c) (minimisation): on review the disclosure was not necessary; index only',
  },
  HOLD_RELEASE: {
    id: 'HUMAN-RELEASE',
    citation: 'AVG art. 21(1), 7(3): a person weighed the hold; the outcome the rules allow without it',
  },
  HOLD_DENY: {
    id: 'HUMAN-DENY',
    citation: 'AVG art. 21(1), 7(3): a person weighed the hold; nothing is shown',
  },
};

/** Which human decisions answer which state of a decision. */
export function humanDecisionFits(kind: HumanDecisionKind, prior: Pick<DecisionRecord, 'outcome' | 'obligations'>) {
  return kind === 'HOLD_RELEASE' || kind === 'HOLD_DENY'
    ? prior.outcome === 'HOLD'
    : prior.obligations.some((o) => o.type.startsWith('HUMAN_REVIEW'));
}

export interface HumanDecision {
  readonly kind: HumanDecisionKind;
  /** The person (a pseudonymous id from their identity provider), never a name. */
  readonly by: string;
  readonly organisation: string;
  /** The decision it decides about. */
  readonly of: Pick<DecisionRecord, 'decisionId' | 'outcome' | 'shownAs' | 'fields' | 'obligations'>;
}

const withoutHolds = new WeakMap<LoadedPolicy, LoadedPolicy>();

/** The policy without the rules that hold: what the rules allow once a person released the hold. */
function released(policy: LoadedPolicy): LoadedPolicy {
  let p = withoutHolds.get(policy);
  if (!p) {
    const holding = new Set(policy.rules.filter((r) => r.outcome === 'HOLD').map((r) => r.id));
    p = { ...policy, precedence: policy.precedence.filter((id) => !holding.has(id)) };
    withoutHolds.set(policy, p);
  }
  return p;
}

/**
 * A person's decision about a signal, as a decision record that replaces the one it is
 * about. UPHELD keeps what was shown, WITHDRAW shows an index only, RELEASE decides again
 * without the rules that hold, DENY shows nothing. The review obligation it answers is
 * fulfilled (gone from the record); its id depends on who decided what about which
 * decision, so a redelivery records it once.
 */
export function humanDecision(input: DecisionInput, h: HumanDecision, policy: LoadedPolicy): DecisionRecord {
  const rule = HUMAN_RULES[h.kind];
  const human = { by: h.by, kind: h.kind, of: h.of.decisionId, organisation: h.organisation };
  const b = base(input, policy, canonicalSha256({ human, input }));
  const obligations = h.of.obligations.filter((o) => !o.type.startsWith('HUMAN_REVIEW'));
  const reason = `decided by ${h.by} (${h.organisation}) about ${h.of.decisionId}`;
  const evaluation = { applies: true, assumption: false, citation: rule.citation, id: rule.id, reason };
  const outcome = (() => {
    switch (h.kind) {
      case 'REVIEW_UPHELD':
        return { outcome: h.of.outcome, shownAs: h.of.shownAs, fields: h.of.fields, more: [] };
      case 'REVIEW_WITHDRAW':
        return { outcome: 'INDEX', shownAs: 'INDEX', fields: policy.indexFields, more: [] } as const;
      case 'HOLD_DENY':
        return { outcome: 'DENY', shownAs: 'DENY', fields: [], more: [] } as const;
      case 'HOLD_RELEASE': {
        const d = decide(input, released(policy));
        return { outcome: d.outcome, shownAs: d.shownAs, fields: d.fields, more: d.rulesEvaluated };
      }
    }
  })();
  return record(
    b,
    {
      outcome: outcome.outcome,
      shownAs: outcome.shownAs,
      decidingRule: rule.id,
      rulesEvaluated: [evaluation, ...outcome.more],
      rulesFired: [rule.id],
      refused: [],
      fields: outcome.fields,
      minimisation: null,
      obligations,
    },
    human,
  );
}
