import type { ConsentState } from '@samenhang/policy';
import type { ConsentFact } from './facts.js';

/**
 * The subject's consent state for one source agency and purpose: the latest record
 * (by time, then id) whose scope covers the agency, recorded no later than `now`.
 */
export function consentStateFor(consents: readonly ConsentFact[], agencyId: string, purpose: string, now: number): ConsentState | undefined {
  const relevant = consents
    .filter((c) => c.purpose === purpose && c.scope.includes(agencyId) && c.recordedAt <= now)
    .sort((a, b) => a.recordedAt - b.recordedAt || (a.consentId < b.consentId ? -1 : 1));
  return relevant.at(-1)?.status;
}
