import type { SignalFacts } from '@samenhang/decision';
import { fromTimestamp, type v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';

/** The decision-relevant facts of a verified signal (codes and pseudonyms only). */
export function factsOf(s: v1.VerifiedSignal): SignalFacts {
  const expiresAt = fromTimestamp(s.expiresAt);
  // Keys in canonical order: the decision's input hash is then one JSON.stringify.
  return {
    agencyId: s.agencyId,
    agencyKind: s.agencyKind,
    category: nameOf('category', s.category),
    // Only when set, so the input hash of every signal without them stays what it was.
    ...(s.confidentialAddress ? { confidentialAddress: true as const } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    ...(s.hasReporter ? { hasReporter: true as const } : {}),
    householdKey: s.householdKey,
    legalGround: nameOf('legalGround', s.legalGround),
    meldcodeDecision: s.meldcodeDecision,
    observedAt: fromTimestamp(s.observedAt) ?? 0,
    region: s.region,
    relatedPseudonyms: s.relatedPersons.map((r) => r.pseudonym ?? ''),
    severity: nameOf('severity', s.severity),
    signalId: s.signalId,
    subjectPseudonym: s.subjectPseudonym,
  };
}
