import { canonicalSha256 } from '@samenhang/canonical';
import { alertDue, type AlertEntry } from '@samenhang/decision';
import type { Policy } from '@samenhang/policy';
import type { PictureEntry } from './picture.js';

/** What the RVT of one region may see of a system's entries: those decided for it, not denied, oldest first. */
export function regionEntries(entries: readonly PictureEntry[], region: string): PictureEntry[] {
  return entries
    .filter((e) => e.region === region && e.decision.shownAs !== 'DENY')
    .sort((a, b) => a.observedAt - b.observedAt || (a.key < b.key ? -1 : 1));
}

/** The regions a system's signals name. */
export function regionsOf(entries: readonly PictureEntry[]): string[] {
  return [...new Set(entries.map((e) => e.region))].sort();
}

/** Identifies what an alert would show, so an unchanged system sends no new version. */
export function viewSha256(
  s: { readonly entries: readonly PictureEntry[]; readonly persons: readonly string[] },
  region: string,
  mergedFrom: readonly string[],
): string {
  return canonicalSha256({
    entries: regionEntries(s.entries, region).map((e) => [
      e.key,
      e.decision.outcome,
      e.decision.decidingRule,
      e.decision.fields,
    ]),
    mergedFrom,
    persons: s.persons,
  });
}

/** Whether the policy's alert rule holds for what a region sees, and why. */
export function alertReason(
  entries: readonly PictureEntry[],
  region: string,
  policy: Policy,
  now: number,
): { due: boolean; reason: string } {
  const seen: AlertEntry[] = regionEntries(entries, region).map((e) => ({
    signalId: e.signalId,
    agencyId: e.agencyId,
    severity: e.severity,
    observedAt: e.observedAt,
  }));
  return alertDue(seen, policy, now);
}
