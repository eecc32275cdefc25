/** Bounds on signal content; public API (docs/wire-contract.md). */
export interface SignalLimits {
  readonly maxSummaryChars: number;
  readonly maxRelatedPersons: number;
  /** How far in the future observed_at may be (clock skew between agency and broker). */
  readonly maxClockSkewMs: number;
  /** How far in the past observed_at may be. */
  readonly maxObservationAgeMs: number;
}

export const DEFAULT_LIMITS: SignalLimits = Object.freeze({
  maxSummaryChars: 2000,
  maxRelatedPersons: 50,
  maxClockSkewMs: 5 * 60_000,
  maxObservationAgeMs: 10 * 365 * 86_400_000,
});
