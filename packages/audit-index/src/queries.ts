import type Database from 'better-sqlite3';
import type { AuditRecords, DisclosureRecord } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';
import { link } from './schema.js';

/** A time window (inclusive; anything `Date` reads) and a page of the answer. */
export interface Window {
  readonly since?: string;
  readonly until?: string;
  /** At most this many rows (all when not given), after skipping `offset`. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface DecisionQuery extends Window {
  /** A signal id is unique per agency only: a signal is (agency, signal id). */
  readonly agency?: string;
  readonly signal?: string;
  readonly household?: string;
}

export interface DisclosureQuery extends Window {
  /** The recipient's id; an RVT's region name finds `rvt-<region>` too. */
  readonly recipient?: string;
  /** Who looked (a person's pseudonymous id). */
  readonly viewer?: string;
  /** Disclosures that carried a decision of this agency. */
  readonly agency?: string;
  /** Disclosures that carried a decision of this signal (of `agency`, if given). */
  readonly signal?: string;
  /** Disclosures that carried a decision of a signal about this household (its key). */
  readonly household?: string;
  /** Only these disclosures (by id): a further filter on what a person's records found. */
  readonly ids?: readonly string[];
}

/** One page of an answer: the rows, each with its leaf index in the log, and how many match in all. */
export interface Page<T> {
  readonly total: number;
  readonly rows: readonly T[];
  readonly leaves: readonly number[];
}

const iso = (v: string, end: boolean) => {
  // A bare date is the whole day.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v) && end ? `${v}T23:59:59.999Z` : v;
  return new Date(d).toISOString();
};

class Where {
  readonly parts: string[] = [];
  readonly args: unknown[] = [];
  add(sql: string, ...args: unknown[]): void {
    this.parts.push(sql);
    this.args.push(...args);
  }
  window(w: Window): void {
    if (w.since) this.add('time >= ?', iso(w.since, false));
    if (w.until) this.add('time <= ?', iso(w.until, true));
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** What the queries read: the tables, and a row's record from the body file. */
export interface Rows {
  readonly db: Database.Database;
  body(row: { readonly body_at: number; readonly body_len: number }): Buffer;
}

interface Located {
  readonly leaf: number;
  readonly body_at: number;
  readonly body_len: number;
}
const COLUMNS = 'leaf, body_at, body_len';
const parse = <T>(ix: Rows, r: Located): T => JSON.parse(ix.body(r).toString('utf8')) as T;

/**
 * A page in time order. `via` names the index that answers the filter, or `rows` for rows
 * found by links (leaf IN …, looked up by rowid): SQLite would otherwise often pick the time
 * index, which gives the order for free, and read every row of that type to find a handful —
 * a second at ten million records instead of a millisecond.
 */
function page<T>(ix: Rows, where: Where, w: Window, via: string): Page<T> {
  const from = `records ${via === 'rows' ? 'NOT INDEXED' : `INDEXED BY ${via}`} ${where.sql}`;
  const total = ix.db
    .prepare(`SELECT count(*) FROM ${from}`)
    .pluck()
    .get(...where.args) as number;
  const limit = w.limit ?? -1;
  const rows = ix.db
    .prepare(`SELECT ${COLUMNS} FROM ${from} ORDER BY time, leaf LIMIT ? OFFSET ?`)
    .all(...where.args, limit, w.offset ?? 0) as Located[];
  return { total, rows: rows.map((r) => parse<T>(ix, r)), leaves: rows.map((r) => r.leaf) };
}

/** Decisions by signal, household or time window, in time order. */
export function findDecisions(ix: Rows, q: DecisionQuery): Page<DecisionRecord> {
  const w = new Where();
  w.add("type = 'decision'");
  if (q.agency) w.add('agency = ?', q.agency);
  if (q.signal) w.add('signal = ?', q.signal);
  if (q.household) w.add('leaf IN (SELECT leaf FROM links WHERE key = ?)', link.household(q.household));
  w.window(q);
  // A household's decisions come by their links (rowid lookups); the time index orders the rest.
  return page(
    ix,
    w,
    q,
    q.signal ? 'decisions_by_signal' : q.household ? 'rows' : q.agency ? 'decisions_by_agency' : 'records_by_time',
  );
}

/** Disclosures by recipient, viewer, agency, signal, household or time window, in time order. */
export function findDisclosures(ix: Rows, q: DisclosureQuery): Page<DisclosureRecord> {
  const w = new Where();
  w.add("type = 'disclosure'");
  if (q.recipient) w.add('recipient IN (?, ?)', q.recipient, `rvt-${q.recipient}`);
  if (q.viewer) w.add('viewer = ?', q.viewer);
  if (q.agency) w.add('leaf IN (SELECT leaf FROM links WHERE key = ?)', link.agency(q.agency));
  // The disclosures that carried a decision of a signal, or of a household's signals.
  if (q.signal)
    w.add(
      `leaf IN (SELECT c.leaf FROM records d INDEXED BY decisions_by_signal JOIN links c ON c.key = 'd:' || d.id
        WHERE d.type = 'decision' AND d.signal = ?${q.agency ? ' AND d.agency = ?' : ''})`,
      q.signal,
      ...(q.agency ? [q.agency] : []),
    );
  if (q.household)
    w.add(
      `leaf IN (SELECT c.leaf FROM links h JOIN records d ON d.leaf = h.leaf JOIN links c ON c.key = 'd:' || d.id
        WHERE h.key = ? AND d.type = 'decision')`,
      link.household(q.household),
    );
  if (q.ids) w.add('id IN (SELECT value FROM json_each(?))', JSON.stringify(q.ids));
  w.window(q);
  return page(
    ix,
    w,
    q,
    q.ids
      ? 'records_by_id'
      : q.recipient
        ? 'disclosures_by_recipient'
        : q.viewer
          ? 'disclosures_by_viewer'
          : q.agency || q.signal || q.household
            ? 'rows'
            : 'records_by_time',
  );
}

/** Decisions by id (a disclosure names the decisions it carried). */
export function decisionsById(ix: Rows, ids: readonly string[]): DecisionRecord[] {
  const get = ix.db.prepare(
    `SELECT ${COLUMNS} FROM records INDEXED BY records_by_id WHERE id = ? AND type = 'decision'`,
  );
  return [...new Set(ids)].flatMap((id) => (get.all(id) as Located[]).map((r) => parse<DecisionRecord>(ix, r)));
}

/**
 * Every record that can concern one person (a pseudonym): each decision of a signal they
 * are named in, the disclosures that named them or carried one of those decisions, the
 * decisions those disclosures carried besides, and erasure tombstones. The pure `concerning`
 * and `citizenReport` of @samenhang/audit-log give the same answer over this part as over the
 * whole log, so the CLI and the console share them unchanged.
 */
export function concerningPart(ix: Rows, person: string): AuditRecords {
  const named = ix.db
    .prepare(
      `SELECT DISTINCT d2.leaf, d2.body_at, d2.body_len FROM links p
       JOIN records d1 ON d1.leaf = p.leaf AND d1.type = 'decision'
       JOIN records d2 INDEXED BY decisions_by_signal ON d2.type = 'decision' AND d2.agency = d1.agency AND d2.signal = d1.signal
       WHERE p.key = ? ORDER BY d2.leaf`,
    )
    .all(link.person(person)) as Located[];
  const decisions = named.map((r) => parse<DecisionRecord>(ix, r));
  const linked = ix.db
    .prepare(
      `SELECT DISTINCT r.leaf, r.type, r.body_at, r.body_len FROM links l JOIN records r ON r.leaf = l.leaf
       WHERE l.key = ? AND r.type IN ('disclosure', 'erasure') ORDER BY r.leaf`,
    )
    .all(link.person(person)) as (Located & { type: string })[];
  const viaDecision = ix.db.prepare(
    `SELECT r.leaf, r.body_at, r.body_len FROM links l JOIN records r ON r.leaf = l.leaf WHERE l.key = ? AND r.type = 'disclosure'`,
  );
  const disclosures = new Map<number, Located>();
  for (const r of linked) if (r.type === 'disclosure') disclosures.set(r.leaf, r);
  for (const d of decisions)
    for (const r of viaDecision.all(link.decision(d.decisionId)) as Located[]) disclosures.set(r.leaf, r);
  const shown = [...disclosures.values()].sort((a, b) => a.leaf - b.leaf).map((r) => parse<DisclosureRecord>(ix, r));
  const known = new Set(decisions.map((d) => d.decisionId));
  const carried = decisionsById(
    ix,
    shown.flatMap((x) => x.decisionIds.filter((id) => !known.has(id))),
  );
  return {
    decisions: [...decisions, ...carried],
    disclosures: shown,
    assignments: [],
    erasures: linked.filter((r) => r.type === 'erasure').map((r) => parse(ix, r)),
  };
}
