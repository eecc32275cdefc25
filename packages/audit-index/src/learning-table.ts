import type Database from 'better-sqlite3';
import { BUCKETS_MS, measure, type LearningCell, type Move, type OpenDecision } from './learning-measure.js';

/**
 * The learning figures, kept current as records are taken in, so that reading them never
 * groups the whole log (10 million records): a query groups this table, one row per cell
 * and measure.
 *
 * `learning_figures` holds counts only, under month, region, agency kind, category and
 * measure: never a pseudonym, signal id, household key, system id or decision id.
 * `learning_open` and `learning_systems` hold what later records need meanwhile (decisions
 * a person may still act on; family systems that had an alert) and so do hold ids: they are
 * the index's working state, never shown, and rebuilt with the rest of the index.
 */
export const LEARNING_SCHEMA = `
CREATE TABLE IF NOT EXISTS learning_figures (
  month TEXT NOT NULL,
  region TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  measure TEXT NOT NULL,
  count INTEGER NOT NULL,
  sum_ms INTEGER NOT NULL,
  under_hour INTEGER NOT NULL,
  under_day INTEGER NOT NULL,
  under_week INTEGER NOT NULL,
  longer INTEGER NOT NULL,
  PRIMARY KEY (month, region, kind, category, measure)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS learning_open (
  decision TEXT PRIMARY KEY,
  month TEXT NOT NULL,
  region TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  hold INTEGER NOT NULL,
  due TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS learning_systems (system TEXT PRIMARY KEY) WITHOUT ROWID;
`;

export const LEARNING_RESET = 'DELETE FROM learning_figures; DELETE FROM learning_open; DELETE FROM learning_systems;';

interface OpenRow {
  decision: string;
  month: string;
  region: string;
  kind: string;
  category: string;
  decided_at: string;
  hold: number;
  due: string;
}

const bucket = (ms: number) => BUCKETS_MS.findIndex((limit) => ms < limit);

/** Takes each record into the learning figures, in the transaction that takes it into the index. */
export class LearningTable {
  private readonly s;
  private readonly moved = new Map<
    string,
    { cell: LearningCell; measure: string; count: number; ms: number; buckets: number[] }
  >();

  constructor(db: Database.Database) {
    db.exec(LEARNING_SCHEMA);
    this.s = {
      add: db.prepare(`INSERT INTO learning_figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (month, region, kind, category, measure) DO UPDATE SET
          count = count + excluded.count, sum_ms = sum_ms + excluded.sum_ms,
          under_hour = under_hour + excluded.under_hour, under_day = under_day + excluded.under_day,
          under_week = under_week + excluded.under_week, longer = longer + excluded.longer`),
      earlierDecision: db
        .prepare(
          // By the signal's index: on its own SQLite may walk the table back from `leaf`.
          "SELECT 1 FROM records INDEXED BY decisions_by_signal WHERE type = 'decision' AND agency = ? AND signal = ? AND leaf < ? LIMIT 1",
        )
        .pluck(),
      open: db.prepare('SELECT * FROM learning_open WHERE decision = ?'),
      opens: db.prepare('INSERT OR REPLACE INTO learning_open VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      closes: db.prepare('DELETE FROM learning_open WHERE decision = ?'),
      firstAlert: db.prepare('INSERT OR IGNORE INTO learning_systems VALUES (?)'),
      observed: db
        // By the id index: on its own SQLite reads every decision to find a few.
        .prepare(
          "SELECT min(observed) FROM records INDEXED BY records_by_id WHERE id IN (SELECT value FROM json_each(?)) AND type = 'decision'",
        )
        .pluck(),
    };
  }

  /** Moves the figures `record` (the entry at `leaf`, already a row) moves. */
  take(record: Record<string, unknown>, leaf: number): void {
    const s = this.s;
    const measured = measure(record, {
      ...(record.type === 'decision' ? this.earlierOfDecision(record, leaf) : {}),
      ...(record.type === 'disclosure' && record.kind === 'alert' ? this.earlierOfAlert(record) : {}),
    });
    for (const m of measured.moves) this.add(m);
    if (measured.closes) s.closes.run(measured.closes);
    const o = measured.opens;
    if (o) {
      const c = o.cell;
      s.opens.run(
        o.decisionId,
        c.month,
        c.region,
        c.kind,
        c.category,
        o.decidedAt,
        o.hold ? 1 : 0,
        JSON.stringify(o.dueAt),
      );
    }
  }

  private earlierOfDecision(r: Record<string, unknown>, leaf: number) {
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const firstOfSignal = !this.s.earlierDecision.get(text(r.sourceAgency), text(r.signalId), leaf);
    const of = (r.human as { of?: unknown } | undefined)?.of;
    const row = typeof of === 'string' ? (this.s.open.get(of) as OpenRow | undefined) : undefined;
    if (!row) return { firstOfSignal };
    const open: OpenDecision = {
      decisionId: row.decision,
      cell: { month: row.month, region: row.region, kind: row.kind, category: row.category },
      decidedAt: row.decided_at,
      hold: row.hold === 1,
      dueAt: JSON.parse(row.due) as string[],
    };
    return { firstOfSignal, open };
  }

  private earlierOfAlert(r: Record<string, unknown>) {
    const system = typeof r.systemId === 'string' ? r.systemId : '';
    const firstAlertOfSystem = system !== '' && this.s.firstAlert.run(system).changes === 1;
    if (!firstAlertOfSystem) return { firstAlertOfSystem };
    const ids = Array.isArray(r.decisionIds) ? r.decisionIds.filter((x) => typeof x === 'string') : [];
    const earliestObserved = this.s.observed.get(JSON.stringify(ids)) as string | null;
    return earliestObserved ? { firstAlertOfSystem, earliestObserved } : { firstAlertOfSystem };
  }

  /**
   * Counts a move in memory; `flush` writes each cell's sums once per batch. A batch of
   * thousands of records moves a few hundred cells, each many times: one upsert per move cost
   * more than the rest of taking a record in.
   */
  private add(m: Move): void {
    const c: LearningCell = m.cell;
    const ms = m.ms ?? 0;
    const b = m.ms === undefined ? -2 : bucket(ms);
    const key = `${c.month}\u0000${c.region}\u0000${c.kind}\u0000${c.category}\u0000${m.measure}`;
    let sums = this.moved.get(key);
    if (!sums) {
      sums = { cell: c, measure: m.measure, count: 0, ms: 0, buckets: [0, 0, 0, 0] };
      this.moved.set(key, sums);
    }
    sums.count++;
    sums.ms += Math.round(ms);
    if (b >= 0) sums.buckets[b]!++;
    else if (b === -1) sums.buckets[3]!++;
  }

  /** Forgets moves not written: a batch whose transaction failed must not count in the next. */
  begin(): void {
    this.moved.clear();
  }

  /** Writes what the batch moved; called in the batch's transaction, after its last record. */
  flush(): void {
    for (const m of this.moved.values()) {
      const c = m.cell;
      const [hour, day, week, longer] = m.buckets;
      this.s.add.run(c.month, c.region, c.kind, c.category, m.measure, m.count, m.ms, hour, day, week, longer);
    }
    this.moved.clear();
  }
}
