import type Database from 'better-sqlite3';
import { ALL } from './learning-measure.js';
import { type Shown, shownCount, shownMean, shownShare } from './small-cells.js';

/** Which cells to add up. Months as YYYY-MM, both ends included. */
export interface LearningFilter {
  readonly region?: string;
  readonly kind?: string;
  readonly category?: string;
  readonly from?: string;
  readonly to?: string;
}

interface Sum {
  readonly count: number;
  readonly sumMs: number;
  readonly buckets: readonly [number, number, number, number];
}

/** A duration as it may be shown: how many, their mean in hours, and how many under an hour, a day, a week, or longer. */
export interface ShownDuration {
  readonly count: Shown;
  readonly meanHours?: number;
  readonly buckets?: {
    readonly underHour: Shown;
    readonly underDay: Shown;
    readonly underWeek: Shown;
    readonly longer: Shown;
  };
}

/**
 * One month in one region, every figure already suppressed (small cells shown as "< 10",
 * figures derived from them left out): the only shape the CLI and the console show.
 */
export interface LearningRow {
  readonly month: string;
  readonly region: string;
  readonly signals: Shown;
  readonly decisions: Shown;
  /** Decisions per outcome (DISCLOSE, INDEX, HOLD, DENY). */
  readonly outcomes: Readonly<Record<string, Shown>>;
  /** Decisions per deciding rule. */
  readonly rules: Readonly<Record<string, Shown>>;
  /** Decisions whose deciding rule rests on law not enacted yet. */
  readonly assumption: Shown;
  readonly assumptionShare?: number;
  /** Alerts, corrections, splits and the time to a first alert are per month and region only. */
  readonly alerts: Shown;
  readonly toFirstAlert: ShownDuration;
  readonly obligations: Shown;
  readonly obligationsOnTime: Shown;
  readonly obligationsLate: Shown;
  readonly onTimeShare?: number;
  readonly hold: ShownDuration;
  readonly corrections: Shown;
  readonly splits: Shown;
}

export const OUTCOME_ORDER = ['DISCLOSE', 'INDEX', 'HOLD', 'DENY'] as const;

const duration = (s: Sum | undefined): ShownDuration => {
  const count = s?.count ?? 0;
  const mean = shownMean(count, s?.sumMs ?? 0);
  if (mean === undefined) return { count: shownCount(count) };
  const [underHour, underDay, underWeek, longer] = (s!.buckets ?? [0, 0, 0, 0]).map(shownCount) as [
    Shown,
    Shown,
    Shown,
    Shown,
  ];
  return { count: shownCount(count), meanHours: mean / 3_600_000, buckets: { underHour, underDay, underWeek, longer } };
};

/**
 * The learning figures per month and region, added up over the agency kinds and categories
 * the filter lets through, or per month over the regions too (`by: 'month'`, region `*`).
 * Groups the figures table, never the records: fast however long the log. A kind or
 * category filter leaves alerts in (they are not split by either).
 */
export function learningRows(
  db: Database.Database,
  f: LearningFilter = {},
  by: 'month-region' | 'month' = 'month-region',
): LearningRow[] {
  const where: string[] = [];
  const args: string[] = [];
  if (f.region) where.push('region = ?'), args.push(f.region);
  if (f.kind) where.push('kind IN (?, ?)'), args.push(f.kind, ALL);
  if (f.category) where.push('category IN (?, ?)'), args.push(f.category, ALL);
  if (f.from) where.push('month >= ?'), args.push(f.from);
  if (f.to) where.push('month <= ?'), args.push(f.to);
  const rows = db
    .prepare(
      `SELECT month, ${by === 'month' ? `'${ALL}'` : 'region'} AS region, measure, sum(count) AS count, sum(sum_ms) AS sumMs, sum(under_hour) AS b0,
         sum(under_day) AS b1, sum(under_week) AS b2, sum(longer) AS b3
       FROM learning_figures ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY month, ${by === 'month' ? '' : 'region, '}measure ORDER BY month, region`,
    )
    .all(...args) as {
    month: string;
    region: string;
    measure: string;
    count: number;
    sumMs: number;
    b0: number;
    b1: number;
    b2: number;
    b3: number;
  }[];
  const cells = new Map<string, { month: string; region: string; sums: Map<string, Sum> }>();
  for (const r of rows) {
    const key = `${r.month}\u0000${r.region}`;
    const cell = cells.get(key) ?? { month: r.month, region: r.region, sums: new Map<string, Sum>() };
    cells.set(key, cell);
    cell.sums.set(r.measure, { count: r.count, sumMs: r.sumMs, buckets: [r.b0, r.b1, r.b2, r.b3] });
  }
  return [...cells.values()].map(({ month, region, sums }) => {
    const n = (m: string) => sums.get(m)?.count ?? 0;
    const prefixed = (p: string) =>
      Object.fromEntries(
        [...sums.keys()]
          .filter((m) => m.startsWith(p))
          .sort()
          .map((m) => [m.slice(p.length), shownCount(n(m))]),
      );
    const outcomes = prefixed('decision:');
    for (const o of OUTCOME_ORDER) outcomes[o] ??= shownCount(0);
    const share = shownShare(n('assumption'), n('decisions'));
    const onTime = shownShare(n('obligationsOnTime'), n('obligations'));
    return {
      month,
      region,
      signals: shownCount(n('signals')),
      decisions: shownCount(n('decisions')),
      outcomes,
      rules: prefixed('rule:'),
      assumption: shownCount(n('assumption')),
      ...(share === undefined ? {} : { assumptionShare: share }),
      alerts: shownCount(n('alerts')),
      toFirstAlert: duration(sums.get('toFirstAlert')),
      obligations: shownCount(n('obligations')),
      obligationsOnTime: shownCount(n('obligationsOnTime')),
      obligationsLate: shownCount(n('obligationsLate')),
      ...(onTime === undefined ? {} : { onTimeShare: onTime }),
      hold: duration(sums.get('hold')),
      corrections: shownCount(n('corrections')),
      splits: shownCount(n('splits')),
    };
  });
}

/** The values the filters offer: the regions, agency kinds, categories and months the figures hold. */
export function learningDimensions(db: Database.Database): {
  regions: string[];
  kinds: string[];
  categories: string[];
  months: string[];
} {
  const distinct = (col: string) =>
    (db.prepare(`SELECT DISTINCT ${col} FROM learning_figures ORDER BY 1`).pluck().all() as string[]).filter(
      (v) => v !== ALL,
    );
  return {
    regions: distinct('region'),
    kinds: distinct('kind'),
    categories: distinct('category'),
    months: distinct('month'),
  };
}
