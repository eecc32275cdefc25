import type { ConsentState } from '@samenhang/policy';
import type { ConsentFact } from './facts.js';

/**
 * The subject's consent record that counts for one source agency and purpose: the latest
 * (by time, then id) whose scope covers the agency, recorded no later than `now`.
 */
export function consentFor(
  consents: readonly ConsentFact[],
  agencyId: string,
  purpose: string,
  now: number,
): ConsentFact | undefined {
  const relevant = consents
    .filter((c) => c.purpose === purpose && c.scope.includes(agencyId) && c.recordedAt <= now)
    .sort((a, b) => a.recordedAt - b.recordedAt || (a.consentId < b.consentId ? -1 : 1));
  return relevant.at(-1);
}

/** The state of that record (GIVEN, WITHDRAWN, OBJECTION), if any. */
export function consentStateFor(
  consents: readonly ConsentFact[],
  agencyId: string,
  purpose: string,
  now: number,
): ConsentState | undefined {
  return consentFor(consents, agencyId, purpose, now)?.status;
}
