import type { Policy } from '@samenhang/policy';
import { deriveSystems, type FamilySystem } from './derive.js';
import { type AlertState, type Picture, type SystemState, union } from './picture.js';
import { alertReason, regionsOf, viewSha256 } from './view.js';

/**
 * Alert versions and who sends them. A version is recorded in the picture (one
 * compare-and-set) by the handling that caused it, together with that handling's
 * claim: the SIGNALS stream sequence of its message. That handling sends the version
 * and acknowledges its message only after; should it crash first, the redelivery finds
 * its own claim and sends it. The expiry sweep has no message: its versions stay
 * unsettled (`published` below `version`) until a send is stored. Message ids make a
 * repeated send harmless; a version superseded before it was sent is not sent.
 */

/** Whether the handling holding `claim` (none: the sweeper) is the one to send this version. */
export function toSend(state: AlertState, claim?: number): boolean {
  return state.published < state.version || (claim !== undefined && state.claim === claim);
}

/** Whether a version recorded by the sweeper still waits to be sent. */
export function hasUnsent(p: Picture): boolean {
  return !p.mergedInto && Object.values(p.systems).some((s) => Object.values(s.alerts).some((a) => toSend(a)));
}

const next = (prev: AlertState | undefined, contentSha256: string, claim: number | undefined, correction: boolean) => {
  const version = (prev?.version ?? 0) + 1;
  return {
    version,
    contentSha256,
    ...(claim === undefined ? { published: prev?.published ?? 0 } : { published: version, claim }),
    ...(correction ? { correction: true } : {}),
  };
};

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/**
 * The next alert states of every family system of a picture. A system gets a new version
 * for a region when the alert rule holds there, or that region was alerted before about
 * any of its persons, and what it would see changed. A system whose persons were shown
 * with others who are no longer linked to them sends a correction: the part that keeps its
 * id in its next version, a system that ceased to exist in a last, empty version naming
 * where its persons are now. A system that only joined another needs none: the one it
 * joined names it in `mergedFrom`. Pure; undefined when nothing changes.
 */
export function nextAlerts(p: Picture, policy: Policy, now: number, claim?: number): Picture | undefined {
  const derived = deriveSystems(p, policy.linking.maxPersonsPerAddress);
  const before = Object.entries(p.systems).filter(([, s]) => !s.replacedBy);
  const systems: Record<string, SystemState> = { ...p.systems };
  let changed = false;
  const ids = new Set(derived.map((s) => s.id));
  // Systems that no longer exist: joined one other whole, or fell apart.
  const joined = new Map<string, string[]>();
  for (const [id, s] of before) {
    if (ids.has(id)) continue;
    const now = derived.filter((d) => overlaps(d.persons, s.persons));
    const whole = now.length === 1 && s.persons.every((x) => now[0]!.persons.includes(x));
    if (whole) joined.set(now[0]!.id, [...(joined.get(now[0]!.id) ?? []), id]);
    const alerts: Record<string, AlertState> = {};
    for (const [region, a] of Object.entries(s.alerts)) alerts[region] = whole ? a : next(a, 'correction', claim, true);
    systems[id] = { ...s, alerts, replacedBy: now.map((d) => d.id) };
    changed = true;
  }
  for (const d of derived) {
    const prev = p.systems[d.id];
    const mergedFrom = union(prev?.mergedFrom ?? [], joined.get(d.id) ?? []);
    // Persons its earlier versions showed that are not in it now: they were wrongly shown together.
    const shrunk = prev !== undefined && prev.persons.some((x) => !d.persons.includes(x));
    const alerted = (region: string) =>
      prev?.alerts[region] !== undefined ||
      before.some(([id, s]) => id !== d.id && s.alerts[region] !== undefined && overlaps(s.persons, d.persons));
    const alerts: Record<string, AlertState> = { ...prev?.alerts };
    // Its own entries' regions, and every region it was shown to before: a region whose last
    // entry left (withdrawn, expired, split off) is told so in a version of its own.
    for (const region of union(regionsOf(d.entries), Object.keys(prev?.alerts ?? {}))) {
      const a = alerts[region];
      if (!alerted(region) && !alertReason(d.entries, region, policy, now).due) continue;
      const sha = viewSha256(d, region, mergedFrom);
      // Back after it had joined another or fallen apart: its RVT is told it exists again.
      if (a?.contentSha256 === sha && !prev?.replacedBy) continue;
      alerts[region] = next(a, sha, claim, shrunk && a !== undefined);
    }
    const state: SystemState = {
      persons: d.persons,
      mergedFrom,
      alerts,
      ...(shrunk ? { shownBefore: prev.persons } : prev?.shownBefore ? { shownBefore: prev.shownBefore } : {}),
    };
    if (Object.keys(alerts).length === 0 && !prev) continue; // never alerted: nothing to remember
    if (prev && !prev.replacedBy && sameState(prev, state)) continue;
    systems[d.id] = state;
    changed = true;
  }
  return changed ? { ...p, systems } : undefined;
}

function sameState(a: SystemState, b: SystemState): boolean {
  return (
    a.persons.join() === b.persons.join() &&
    a.mergedFrom.join() === b.mergedFrom.join() &&
    Object.keys(b.alerts).every((r) => a.alerts[r] === b.alerts[r])
  );
}

/** The system of a picture with this id as the live signals make it now, if it exists. */
export function systemNamed(p: Picture, id: string, policy: Policy): FamilySystem | undefined {
  return deriveSystems(p, policy.linking.maxPersonsPerAddress).find((s) => s.id === id);
}
