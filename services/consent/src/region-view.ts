import { alertDue, type AlertEntry } from '@samenhang/decision';
import type { Policy } from '@samenhang/policy';
import { canonicalSha256 } from '@samenhang/canonical';
import type { AlertState, Picture, PictureEntry } from './family/picture.js';

/** What the RVT of one region may see of a picture: entries decided for it, not denied. */
export function regionEntries(p: Picture, region: string): PictureEntry[] {
  return Object.values(p.entries)
    .filter((e) => e.region === region && e.decision.shownAs !== 'DENY')
    .sort((a, b) => a.observedAt - b.observedAt || (a.key < b.key ? -1 : 1));
}

export function regionsOf(p: Picture): string[] {
  return [...new Set(Object.values(p.entries).map((e) => e.region))].sort();
}

/** Identifies what an alert would show, so an unchanged picture sends no new version. */
export function viewSha256(p: Picture, region: string): string {
  return canonicalSha256({
    entries: regionEntries(p, region).map((e) => [
      e.key,
      e.decision.outcome,
      e.decision.decidingRule,
      e.decision.fields,
    ]),
    mergedFrom: p.mergedFrom,
  });
}

export function alertReason(p: Picture, region: string, policy: Policy, now: number): { due: boolean; reason: string } {
  const entries: AlertEntry[] = regionEntries(p, region).map((e) => ({
    signalId: e.signalId,
    agencyId: e.agencyId,
    severity: e.severity,
    observedAt: e.observedAt,
  }));
  return alertDue(entries, policy, now);
}

/**
 * The next alert states: a region gets a new version when the alert rule holds (or
 * it was alerted before) and what it would see changed. Pure; undefined = no change.
 *
 * `claim`: the stream sequence of the message being handled, which then sends each new
 * version itself (so no second write is needed to say it was sent). Without one (the
 * expiry sweeper, which has no message to be redelivered) a new version stays unsettled
 * until its sending is stored.
 */
export function nextAlerts(p: Picture, policy: Policy, now: number, claim?: number): Picture | undefined {
  let changed = false;
  const alerts = { ...p.alerts };
  for (const region of regionsOf(p)) {
    const prev = alerts[region];
    if (!prev && !alertReason(p, region, policy, now).due) continue;
    const sha = viewSha256(p, region);
    if (prev?.contentSha256 === sha) continue;
    const version = (prev?.version ?? 0) + 1;
    alerts[region] =
      claim === undefined
        ? { version, contentSha256: sha, published: prev?.published ?? 0 }
        : { version, contentSha256: sha, published: version, claim };
    changed = true;
  }
  return changed ? { ...p, alerts } : undefined;
}

/** Whether the handling holding `claim` (none: the sweeper) is the one to send this version. */
export function toSend(state: AlertState, claim?: number): boolean {
  return state.published < state.version || (claim !== undefined && state.claim === claim);
}
