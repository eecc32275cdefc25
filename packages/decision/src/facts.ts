import type { SeverityName } from '@samenhang/policy';

/** What a decision may know about a signal: pseudonyms and codes, never content. */
export interface SignalFacts {
  readonly signalId: string;
  readonly agencyId: string;
  readonly agencyKind: string;
  readonly region: string;
  readonly subjectPseudonym: string;
  readonly relatedPseudonyms: readonly string[];
  readonly householdKey: string;
  readonly category: string;
  readonly severity: SeverityName | string;
  readonly legalGround: string;
  readonly meldcodeDecision: boolean;
  /** Milliseconds since the epoch. */
  readonly observedAt: number;
  readonly expiresAt?: number;
  /** The subject's address is protected: never disclosed (R13). Absent when not. */
  readonly confidentialAddress?: true;
  /** The signal names who reported it (sealed): R13 records it as stripped. Absent when not. */
  readonly hasReporter?: true;
}

/** One registered consent, withdrawal or objection of the subject (pseudonymised). */
export interface ConsentFact {
  readonly consentId: string;
  readonly registeredBy: string;
  readonly purpose: string;
  readonly scope: readonly string[];
  readonly status: 'GIVEN' | 'WITHDRAWN' | 'OBJECTION';
  readonly recordedAt: number;
}

export interface Recipient {
  readonly id: string;
  readonly region: string;
}

export interface DecisionInput {
  readonly signal: SignalFacts;
  readonly consents: readonly ConsentFact[];
  readonly recipient: Recipient;
  readonly purpose: string;
  readonly now: number;
}
