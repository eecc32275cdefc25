/**
 * Which learning figures one audit record moves. Pure: what it needs to know of earlier
 * records (is this the signal's first decision, is this the family system's first alert,
 * which decision is still open) is handed in, and what later records will need is handed
 * back, so the same rules are unit-tested without a database.
 *
 * A figure's cell is month × region × agency kind × category, nothing finer: never a
 * person, signal, household, family system or decision. Alerts, their corrections and the
 * time to a first alert are about a family system, which gathers signals of several
 * agencies and categories: their cells carry `ALL` for agency kind and category.
 */

/** The dimensions of one cell. `ALL`: a figure not split by that dimension. */
export interface LearningCell {
  /** YYYY-MM, the month in the Netherlands (Europe/Amsterdam) the figure belongs to. */
  readonly month: string;
  readonly region: string;
  readonly kind: string;
  readonly category: string;
}

export const ALL = '*';

/**
 * What is counted. `decision:<OUTCOME>` and `rule:<RULE>` per outcome and deciding rule;
 * durations (`toFirstAlert`, `hold`) carry milliseconds besides their count.
 */
export type Measure =
  | 'signals'
  | 'decisions'
  | `decision:${string}`
  | `rule:${string}`
  | 'assumption'
  | 'alerts'
  | 'toFirstAlert'
  | 'obligations'
  | 'obligationsOnTime'
  | 'obligationsLate'
  | 'hold'
  | 'corrections'
  | 'splits';

export interface Move {
  readonly cell: LearningCell;
  readonly measure: Measure;
  /** For a duration: how long it took, in milliseconds. */
  readonly ms?: number;
}

/** What a later human decision needs of a decision that is still open (its obligations, a HOLD). */
export interface OpenDecision {
  readonly decisionId: string;
  readonly cell: LearningCell;
  readonly decidedAt: string;
  readonly hold: boolean;
  readonly dueAt: readonly string[];
}

/** What the index knows of earlier records, looked up before the record is measured. */
export interface Earlier {
  /** A decision: no earlier decision of the same agency and signal id. */
  readonly firstOfSignal?: boolean;
  /** A human decision: the open decision it is about, if any. */
  readonly open?: OpenDecision;
  /** An alert: the family system had no alert before. */
  readonly firstAlertOfSystem?: boolean;
  /** An alert: the earliest observation among the decisions it carried (ISO time). */
  readonly earliestObserved?: string;
}

export interface Measured {
  readonly moves: readonly Move[];
  /** A decision later human decisions may close (store it). */
  readonly opens?: OpenDecision;
  /** The open decision this record closes (forget it). */
  readonly closes?: string;
}

/** Duration buckets: under an hour, under a day, under a week, longer. */
export const BUCKETS_MS = [3_600_000, 86_400_000, 7 * 86_400_000] as const;

const MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' });
const HOUR_MS = 3_600_000;
/** Since 1940 the Netherlands' offset from UTC is whole hours, so every instant of one UTC hour is in one month there. */
const WHOLE_HOURS_SINCE = Date.UTC(1940, 6, 1);
const monthOfHour = new Map<number, string>();

/** The month in the Netherlands an instant falls in, or undefined for a time that cannot be read. */
export function monthOf(iso: unknown): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  if (t < WHOLE_HOURS_SINCE) return MONTH.format(t).slice(0, 7);
  // Formatting in a time zone costs more than the rest of measuring a record: once per hour.
  const hour = Math.floor(t / HOUR_MS);
  let month = monthOfHour.get(hour);
  if (month === undefined) {
    if (monthOfHour.size >= 100_000) monthOfHour.clear();
    month = MONTH.format(hour * HOUR_MS).slice(0, 7);
    monthOfHour.set(hour, month);
  }
  return month;
}

/** The region an RVT's id names (`rvt-<region>`); anything else is not a region. */
export function regionOf(recipient: unknown): string | undefined {
  return typeof recipient === 'string' && recipient.startsWith('rvt-') && recipient.length > 4
    ? recipient.slice(4)
    : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const between = (from: string, to: string): number | undefined => {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
};

const NONE: Measured = { moves: [] };
const decidingRuleOf = (r: Record<string, unknown>) => str(r.decidingRule) ?? 'UNKNOWN';
/** The evaluated rule that decided (the one the figures ask whether it is an assumption). */
const decidingEntryOf = (r: Record<string, unknown>) => {
  const rule = decidingRuleOf(r);
  return list(r.rulesEvaluated)
    .map(obj)
    .find((e) => e?.id === rule);
};
const HOLD_ANSWERS = new Set(['HOLD_RELEASE', 'HOLD_DENY']);

function measureDecision(r: Record<string, unknown>, earlier: Earlier): Measured {
  const month = monthOf(r.decidedAt);
  const region = regionOf(r.recipient);
  const facts = obj(r.facts);
  const decisionId = str(r.decisionId);
  if (!month || !region || !decisionId) return NONE;
  const cell: LearningCell = {
    month,
    region,
    kind: str(r.sourceKind) ?? 'UNKNOWN',
    category: str(facts?.category) ?? 'UNKNOWN',
  };
  const at = (measure: Measure, ms?: number): Move => (ms === undefined ? { cell, measure } : { cell, measure, ms });
  const moves: Move[] = [];
  if (earlier.firstOfSignal) moves.push(at('signals'));
  const outcome = str(r.outcome) ?? 'UNKNOWN';
  const rule = decidingRuleOf(r);
  moves.push(at('decisions'), at(`decision:${outcome}`), at(`rule:${rule}`));
  if (decidingEntryOf(r)?.assumption === true) moves.push(at('assumption'));

  // A person's decision about an earlier one: its obligations met (in time or late), its HOLD ended.
  const human = obj(r.human);
  let closes: string | undefined;
  const open = earlier.open;
  if (human && open && open.decisionId === str(human.of) && typeof r.decidedAt === 'string') {
    closes = open.decisionId;
    const decidedAt = Date.parse(r.decidedAt);
    for (const due of open.dueAt)
      moves.push({ cell: open.cell, measure: decidedAt <= Date.parse(due) ? 'obligationsOnTime' : 'obligationsLate' });
    const ms = between(open.decidedAt, r.decidedAt);
    if (open.hold && HOLD_ANSWERS.has(str(human.kind) ?? '') && ms !== undefined)
      moves.push({ cell: open.cell, measure: 'hold', ms });
  }

  // This decision, if a person may still have to act on it.
  const dueAt = list(r.obligations)
    .map((o) => str(obj(o)?.dueAt))
    .filter((d): d is string => d !== undefined && !Number.isNaN(Date.parse(d)));
  for (const _ of dueAt) moves.push(at('obligations'));
  const hold = outcome === 'HOLD' && !human;
  const opens =
    dueAt.length > 0 || hold ? { decisionId, cell, decidedAt: r.decidedAt as string, hold, dueAt } : undefined;
  return { moves, ...(opens ? { opens } : {}), ...(closes ? { closes } : {}) };
}

function measureDisclosure(r: Record<string, unknown>, earlier: Earlier): Measured {
  if (r.kind !== 'alert') return NONE;
  const month = monthOf(r.time);
  const region = regionOf(r.recipient);
  if (!month || !region) return NONE;
  const cell: LearningCell = { month, region, kind: ALL, category: ALL };
  const moves: Move[] = [{ cell, measure: 'alerts' }];
  if (earlier.firstAlertOfSystem && earlier.earliestObserved) {
    const ms = between(earlier.earliestObserved, r.time as string);
    if (ms !== undefined) moves.push({ cell, measure: 'toFirstAlert', ms });
  }
  const correction = obj(r.correction);
  if (correction) {
    moves.push({ cell, measure: 'corrections' });
    if (list(correction.replacedBy).length >= 2) moves.push({ cell, measure: 'splits' });
  }
  return { moves };
}

/**
 * What `measure` and the lookups before it (learning-table.ts) read of a record, and no more:
 * a decision record is mostly its rules' explanations, which no figure reads. It is what a
 * catch-up's worker thread hands over (prepare.ts), so it is small to copy between threads;
 * `measure` gives the same moves for it as for the whole record (tested).
 */
export function learningPart(r: Record<string, unknown>): Record<string, unknown> {
  if (r.type === 'decision') {
    const facts = obj(r.facts);
    const human = obj(r.human);
    const deciding = decidingEntryOf(r);
    return {
      type: r.type,
      decisionId: r.decisionId,
      decidedAt: r.decidedAt,
      recipient: r.recipient,
      sourceAgency: r.sourceAgency,
      sourceKind: r.sourceKind,
      signalId: r.signalId,
      outcome: r.outcome,
      decidingRule: r.decidingRule,
      facts: facts && { category: facts.category },
      rulesEvaluated: deciding ? [{ id: deciding.id, assumption: deciding.assumption }] : [],
      human: human && { of: human.of, kind: human.kind },
      obligations: list(r.obligations).map((o) => ({ dueAt: obj(o)?.dueAt })),
    };
  }
  if (r.type === 'disclosure' && r.kind === 'alert') {
    const correction = obj(r.correction);
    return {
      type: r.type,
      kind: r.kind,
      time: r.time,
      recipient: r.recipient,
      systemId: r.systemId,
      decisionIds: list(r.decisionIds),
      correction: correction && { replacedBy: list(correction.replacedBy) },
    };
  }
  return { type: r.type };
}

/** The figures one record of the log moves (none for a record that is not a decision or an alert). */
export function measure(record: Record<string, unknown>, earlier: Earlier): Measured {
  if (record.type === 'decision') return measureDecision(record, earlier);
  if (record.type === 'disclosure') return measureDisclosure(record, earlier);
  return NONE;
}
