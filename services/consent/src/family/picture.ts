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
 * One signal in a family-system picture: facts, its decision, never content. Kept small:
 * a picture is read and written whole for every signal of its system.
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
}

/**
 * A family system: persons linked by a shared address or a named relation, and
 * the signals about them. A system merged into another keeps only `mergedInto`.
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
  readonly alerts: Readonly<Record<string, AlertState>>;
}

export function emptyPicture(systemId: string): Picture {
  return { systemId, mergedFrom: [], persons: [], households: [], entries: {}, withdrawn: [], alerts: {} };
}

const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])].sort();

/** The union of two pictures (merging `from` into `into`): a monotone, idempotent operation. */
export function mergePictures(into: Picture, from: Picture): Picture {
  const withdrawn = union(into.withdrawn, from.withdrawn);
  const entries = { ...from.entries, ...into.entries };
  for (const k of withdrawn) delete entries[k];
  return {
    ...into,
    mergedFrom: union(into.mergedFrom, [from.systemId, ...from.mergedFrom]),
    persons: union(into.persons, from.persons),
    households: union(into.households, from.households),
    entries,
    withdrawn,
  };
}

export function withEntry(p: Picture, e: PictureEntry): Picture {
  if (p.withdrawn.includes(e.key)) return p;
  const persons = [e.subjectPseudonym, ...e.related.map((r) => r.pseudonym)];
  return {
    ...p,
    persons: union(p.persons, persons),
    households: union(p.households, [e.householdKey]),
    entries: { ...p.entries, [e.key]: e },
  };
}

export function withWithdrawal(p: Picture, key: string): Picture {
  const entries = { ...p.entries };
  delete entries[key];
  return { ...p, entries, withdrawn: union(p.withdrawn, [key]) };
}
