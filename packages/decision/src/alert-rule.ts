import type { Policy } from '@samenhang/policy';
import { severityRank } from './conditions.js';

/** One non-denied, unexpired signal in a family-system picture. */
export interface AlertEntry {
  readonly signalId: string;
  readonly agencyId: string;
  readonly severity: string;
  readonly observedAt: number;
}

/**
 * The alert rule (policy data, docs/policy.md): an ACUTE signal, or signals from at
 * least N distinct agencies within the window, or at least M signals of at least
 * the given severity. A single low or medium signal of one agency never alerts.
 */
export function alertDue(
  entries: readonly AlertEntry[],
  policy: Policy,
  now: number,
): { due: boolean; reason: string } {
  const a = policy.alert;
  if (a.onAcute && entries.some((e) => e.severity === 'ACUTE')) return { due: true, reason: 'an ACUTE signal' };
  const since = now - a.windowDays * 86_400_000;
  const agencies = new Set(entries.filter((e) => e.observedAt >= since).map((e) => e.agencyId));
  if (agencies.size >= a.minDistinctAgencies)
    return { due: true, reason: `signals from ${agencies.size} agencies within ${a.windowDays} days` };
  const serious = entries.filter((e) => severityRank(e.severity) >= severityRank(a.minSignals.severityAtLeast)).length;
  if (serious >= a.minSignals.count)
    return { due: true, reason: `${serious} signals of severity ${a.minSignals.severityAtLeast} or higher` };
  return { due: false, reason: 'below the alert threshold (subsidiarity: the local team handles it)' };
}
