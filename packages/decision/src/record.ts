import type { DisclosableField, Outcome } from '@samenhang/policy';

export interface RuleEvaluation {
  readonly id: string;
  readonly applies: boolean;
  /** Why it applies or not, in words a privacy officer can read. */
  readonly reason: string;
  readonly citation: string;
  readonly assumption: boolean;
  readonly assumptionNote?: string;
}

export interface DecisionObligation {
  readonly type: string;
  readonly rule: string;
  readonly dueAt: string;
  readonly description: string;
}

/**
 * The decision record (docs/policy.md): everything needed to explain and replay a decision,
 * pseudonyms and codes only.
 */
export interface DecisionRecord {
  readonly type: 'decision';
  /** The consent or objection record the deciding rule relied on (its id), if it relied on one. */
  readonly consentRecord?: string;
  readonly decisionId: string;
  readonly decidedAt: string;
  readonly signalId: string;
  readonly sourceAgency: string;
  readonly sourceKind: string;
  readonly subjectPseudonym: string;
  readonly relatedPseudonyms: readonly string[];
  readonly householdKey: string;
  /** Codes that say which signal this is to a person (never content). */
  readonly facts: {
    readonly category: string;
    /** The subject's address is protected: every report and disclosure leaves it out. */
    readonly confidentialAddress?: true;
    readonly severity: string;
    readonly observedAt: string;
  };
  readonly recipient: string;
  readonly purpose: string;
  readonly outcome: Outcome;
  /** HOLD is shown as INDEX meanwhile. */
  readonly shownAs: Exclude<Outcome, 'HOLD'>;
  readonly decidingRule: string;
  readonly rulesEvaluated: readonly RuleEvaluation[];
  /** Every rule that applied, the deciding one first. */
  readonly rulesFired: readonly string[];
  /** Why no more intrusive outcome was chosen. */
  readonly refused: readonly { readonly outcome: Outcome; readonly rule: string; readonly reason: string }[];
  readonly fields: readonly DisclosableField[];
  readonly minimisation: {
    readonly rule: string;
    readonly removed: readonly DisclosableField[];
    readonly reason: string;
  } | null;
  readonly obligations: readonly DecisionObligation[];
  readonly policy: { readonly version: string; readonly digest: string } | null;
  readonly inputsSha256: string;
  /**
   * A person's decision (the review of a disclosure, the release or denial of a hold): who
   * (a pseudonymous id, never a name), for which organisation, what, about which decision.
   */
  readonly human?: {
    readonly by: string;
    readonly kind: 'REVIEW_UPHELD' | 'REVIEW_WITHDRAW' | 'HOLD_RELEASE' | 'HOLD_DENY';
    readonly of: string;
    readonly organisation: string;
  };
  /** Set when the decision is R0 because something was unknown or failed. */
  readonly failClosedReason?: string;
}
