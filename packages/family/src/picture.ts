import type { DecisionRecord, RuleEvaluation } from '@samenhang/decision';

/**
 * What a picture keeps of a decision: enough to show and explain it. The full record
 * (every rule evaluated) is in the audit log; a picture is read and written for every
 * signal of its system, so it stays small.
 */
export interface PictureDecision {
  readonly decisionId: string;
  readonly outcome: DecisionRecord['outcome'];
  readonly shownAs: DecisionRecord['shownAs'];
  readonly decidingRule: string;
  readonly fields: DecisionRecord['fields'];
  readonly obligations: DecisionRecord['obligations'];
  /** The deciding rule's evaluation: citation, assumption, why it applies (its id is decidingRule). */
  readonly rule?: Pick<RuleEvaluation, 'assumption' | 'assumptionNote' | 'citation' | 'reason'>;
  /** The first more intrusive outcome refused, and why. */
  readonly refused?: DecisionRecord['refused'][number];
}

export function pictureDecision(d: DecisionRecord): PictureDecision {
  const r = d.rulesEvaluated.find((x) => x.id === d.decidingRule);
  const rule = r && {
    assumption: r.assumption,
    ...(r.assumptionNote !== undefined ? { assumptionNote: r.assumptionNote } : {}),
    citation: r.citation,
    reason: r.reason,
  };
  return {
    decisionId: d.decisionId,
    outcome: d.outcome,
    shownAs: d.shownAs,
    decidingRule: d.decidingRule,
    fields: d.fields,
    obligations: d.obligations,
    ...(rule ? { rule } : {}),
    ...(d.refused[0] ? { refused: d.refused[0] } : {}),
  };
}

/**
 * One signal in a picture: facts, its decision, never content. Kept small: a picture is
 * read and written whole for every signal of its persons.
 */
export interface PictureEntry {
  /** The gateway's signal key (agency + hash of the signal id), which is also the signal's vault reference. */
  readonly key: string;
  readonly signalId: string;
  readonly agencyId: string;
  readonly agencyKind: string;
  readonly region: string;
  readonly subjectPseudonym: string;
  readonly related: readonly { readonly pseudonym: string; readonly relation: number }[];
  readonly householdKey: string;
  readonly category: string;
  readonly severity: string;
  readonly legalGround: string;
  readonly meldcodeDecision: boolean;
  readonly observedAt: number;
  readonly expiresAt?: number;
  /** The subject's address is protected (never disclosed); absent when not. */
  readonly confidentialAddress?: true;
  /** The signal names who reported it; absent when not. */
  readonly hasReporter?: true;
  readonly decision: PictureDecision;
}

export interface AlertState {
  readonly version: number;
  readonly contentSha256: string;
  /**
   * The highest version whose sending is settled: sent, or claimed (below). Only a
   * version the expiry sweeper records waits here unsettled until it has been sent.
   */
  readonly published: number;
  /**
   * The SIGNALS stream sequence of the message whose handling recorded `version`. That
   * handling sends it, and its message is acknowledged only after: should it fail or
   * crash first, the redelivery finds its own claim and sends it then.
   */
  readonly claim?: number;
  /** This version corrects the earlier ones: persons they showed together are no longer one system. */
  readonly correction?: boolean;
}

/** What a family system has shown, per region, so that the next version knows what it changes. */
export interface SystemState {
  /** The persons its latest version stood for. */
  readonly persons: readonly string[];
  /** Systems whose persons joined it. */
  readonly mergedFrom: readonly string[];
  readonly alerts: Readonly<Record<string, AlertState>>;
  /** The persons its versions before its latest correction stood for: the correction concerns them too. */
  readonly shownBefore?: readonly string[];
  /** It no longer exists: its persons are now in these systems (none: in no system). */
  readonly replacedBy?: readonly string[];
}

/**
 * The signals about persons ever linked to each other, and what their family systems
 * have shown. This is the unit of storage and compare-and-set: it only grows by merging
 * (`mergedInto` then points at the one it joined). The family systems themselves are
 * derived from its live entries (derive.ts) and may split; `systems` keeps, per system
 * id, the alert versions sent, so splits and merges become new versions and corrections.
 */
export interface Picture {
  readonly systemId: string;
  readonly mergedInto?: string;
  readonly mergedFrom: readonly string[];
  readonly persons: readonly string[];
  readonly households: readonly string[];
  readonly entries: Readonly<Record<string, PictureEntry>>;
  /** Signals withdrawn by their agency: they never (re)enter the picture. */
  readonly withdrawn: readonly string[];
  /** Addresses past the linking cap: they link nobody here any more. */
  readonly capped?: readonly string[];
  readonly systems: Readonly<Record<string, SystemState>>;
}

export function emptyPicture(systemId: string): Picture {
  return { systemId, mergedFrom: [], persons: [], households: [], entries: {}, withdrawn: [], systems: {} };
}

export const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])].sort();

/** The union of two pictures (merging `from` into `into`): a monotone, idempotent operation. */
export function mergePictures(into: Picture, from: Picture): Picture {
  const withdrawn = union(into.withdrawn, from.withdrawn);
  const entries = { ...from.entries, ...into.entries };
  for (const k of withdrawn) delete entries[k];
  const capped = union(into.capped ?? [], from.capped ?? []);
  return {
    ...into,
    mergedFrom: union(into.mergedFrom, [from.systemId, ...from.mergedFrom]),
    persons: union(into.persons, from.persons),
    households: union(into.households, from.households),
    entries,
    withdrawn,
    ...(capped.length > 0 ? { capped } : {}),
    systems: mergeSystems(into.systems, from.systems),
  };
}

/**
 * What both pictures' systems have shown. Two pictures may both hold a system of the same id
 * (its founder's signals raced into both on two consent instances), each with versions sent
 * to a region: per region the higher version is kept, so the merged picture's next version
 * follows every version either sent. Keeping one picture's state whole let the next version
 * repeat a number the other had sent, and an RVT showing the highest version seen kept
 * showing the stale one; a region only the other had alerted was forgotten, and never corrected.
 */
function mergeSystems(
  into: Readonly<Record<string, SystemState>>,
  from: Readonly<Record<string, SystemState>>,
): Record<string, SystemState> {
  const systems = { ...from, ...into };
  for (const [id, f] of Object.entries(from)) {
    const i = into[id];
    if (!i) continue;
    const alerts = { ...f.alerts, ...i.alerts };
    for (const [region, a] of Object.entries(f.alerts))
      if (a.version > (i.alerts[region]?.version ?? 0)) alerts[region] = a;
    systems[id] = { ...i, alerts };
  }
  return systems;
}

export function withEntry(p: Picture, e: PictureEntry): Picture {
  if (p.withdrawn.includes(e.key)) return p;
  const persons = [e.subjectPseudonym, ...e.related.map((r) => r.pseudonym)];
  return {
    ...p,
    persons: union(p.persons, persons),
    households: e.householdKey === '' ? p.households : union(p.households, [e.householdKey]),
    entries: { ...p.entries, [e.key]: e },
  };
}

export function withWithdrawal(p: Picture, key: string): Picture {
  const entries = { ...p.entries };
  delete entries[key];
  return { ...p, entries, withdrawn: union(p.withdrawn, [key]) };
}

/** The address no longer links anyone in this picture; undefined when that is known already. */
export function withCapped(p: Picture, household: string): Picture | undefined {
  return p.capped?.includes(household) ? undefined : { ...p, capped: union(p.capped ?? [], [household]) };
}

/** A new decision for an entry, replacing the one it was taken over (`from`). */
export interface Redecision {
  readonly key: string;
  readonly from: string;
  readonly decision: PictureDecision;
}

/**
 * The entries re-decided, each only if it still carries the decision it was re-decided
 * from (another instance may have re-decided it meanwhile); undefined when none changed.
 */
export function withDecisions(p: Picture, redecided: readonly Redecision[]): Picture | undefined {
  const entries = { ...p.entries };
  let changed = false;
  for (const r of redecided) {
    const e = entries[r.key];
    if (e && e.decision.decisionId === r.from) {
      entries[r.key] = { ...e, decision: r.decision };
      changed = true;
    }
  }
  return changed ? { ...p, entries } : undefined;
}
