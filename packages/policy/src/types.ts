/** The policy file's shape (docs/schemas/policy.v1.json); see policies/default.json. */
export const OUTCOMES = ['DENY', 'INDEX', 'HOLD', 'DISCLOSE'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'ACUTE'] as const;
export type SeverityName = (typeof SEVERITIES)[number];

export const CONSENT_STATES = ['GIVEN', 'WITHDRAWN', 'OBJECTION'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** Fields an outcome may disclose to the RVT; the vault supplies their values. */
export const DISCLOSABLE_FIELDS = [
  'agency',
  'category',
  'severity',
  'observedAt',
  'expiresAt',
  'legalGround',
  'contact',
  'summary',
  'subject.name',
  'subject.birthDate',
  'address',
  'relatedPersons',
  'reporter',
] as const;
export type DisclosableField = (typeof DISCLOSABLE_FIELDS)[number];

/** All clauses must hold (AND). An absent clause does not constrain. */
export interface Condition {
  readonly agencyKinds?: readonly string[];
  readonly categories?: readonly string[];
  readonly severities?: readonly SeverityName[];
  readonly severityAtLeast?: SeverityName;
  readonly meldcodeDecision?: boolean;
  /** The source is the RVT that receives (the RVT of the household's region). */
  readonly sourceIsRecipient?: boolean;
  /** The subject's latest consent record for this purpose covering the source agency. */
  readonly consent?: readonly ConsentState[];
  /** Past `expiresAt`, else past the category's retention. */
  readonly expired?: boolean;
}

export interface Obligation {
  readonly type: string;
  readonly dueHours: number;
  readonly description: string;
}

export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly when: Condition;
  readonly outcome: Outcome;
  /** Escalates this rule's outcome to DISCLOSE when it also holds (R8: severity ≥ HIGH). */
  readonly discloseWhen?: Condition;
  /** What a DISCLOSE by this rule may show; INDEX and HOLD show `indexFields`. */
  readonly fields?: readonly DisclosableField[];
  /** What an INDEX or HOLD by this rule shows instead of the policy's `indexFields` (R5: no category). */
  readonly indexFields?: readonly DisclosableField[];
  /**
   * Why this rule decides as it does, in a sentence a professional or citizen reads (Dutch and
   * English): shown with every entry it decides. Without it, the title is shown.
   */
  readonly explanation?: { readonly nl: string; readonly en: string };
  readonly obligation?: Obligation;
  readonly citation: string;
  /** True when the rule rests on the amended law (not yet enacted) or another assumption. */
  readonly assumption: boolean;
  readonly assumptionNote?: string;
}

export interface Policy {
  readonly policyVersion: string;
  readonly purpose: string;
  readonly agencyKinds: readonly string[];
  readonly categories: readonly string[];
  /** Evaluation order after fail-closed checks: the first rule that applies decides. */
  readonly precedence: readonly string[];
  readonly failClosed: { readonly id: string; readonly citation: string };
  readonly rules: readonly Rule[];
  readonly indexFields: readonly DisclosableField[];
  readonly minimisation: {
    readonly id: string;
    readonly citation: string;
    /** Related persons stay in a disclosure only when one of these holds ("needed for safety"). */
    readonly keepRelatedPersonsWhen: readonly Condition[];
    readonly neverDisclose: readonly DisclosableField[];
  };
  readonly retention: { readonly defaultMonths: number; readonly byCategory: Readonly<Record<string, number>> };
  readonly alert: {
    readonly onAcute: boolean;
    readonly minDistinctAgencies: number;
    readonly windowDays: number;
    readonly minSignals: { readonly count: number; readonly severityAtLeast: SeverityName };
  };
  readonly linking: { readonly maxPersonsPerAddress: number };
}

/** A policy as loaded: the file's content plus what pins it. */
export interface LoadedPolicy extends Policy {
  readonly digest: string;
}
