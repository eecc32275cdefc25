import { OUTCOME_ORDER, csvCell, type LearningRow, type Shown } from '@samenhang/audit-index';
import { openAuditIndex } from '@samenhang/client';
import type { HomePaths } from '@samenhang/config';
import { EXIT, out } from '../output.js';

/**
 * The learning figures per month and region (docs/learning.md), from the audit index after
 * catching it up with the log as the privacy officer (the identity that may read the log).
 * Only aggregates, suppressed as the console shows them: a count under 10 is "< 10" and
 * what would be derived from it is left out.
 */
export async function stats(paths: HomePaths, flags: { json?: boolean; csv?: boolean }): Promise<number> {
  const rows = await learningRows(paths);
  if (flags.json) out(JSON.stringify({ rows }, null, 2));
  else if (flags.csv) for (const line of csvLines(rows)) out(line);
  else if (rows.length === 0) out('no learning figures yet');
  else
    for (const r of rows)
      out(
        `${r.month} ${r.region}: signals ${r.signals}, decisions ${r.decisions} (${OUTCOME_ORDER.map((o) => `${o} ${r.outcomes[o]}`).join(', ')}), alerts ${r.alerts}`,
      );
  return EXIT.OK;
}

async function learningRows(paths: HomePaths): Promise<LearningRow[]> {
  const index = await openAuditIndex(paths);
  try {
    return index.learning();
  } finally {
    index.close();
  }
}

const hours = (v: number | undefined) => (v === undefined ? '' : v.toFixed(1));
const share = (v: number | undefined) => (v === undefined ? '' : v.toFixed(3));

/** One row per month and region, a column per figure; suppressed counts read "< 10", hidden derived figures are empty. */
export function csvLines(rows: readonly LearningRow[]): string[] {
  // Region names and rule ids come from configuration: quoted and defused as every export is.
  const cell = (v: Shown | string) => csvCell(String(v));
  const header = [
    'month',
    'region',
    'signals',
    'decisions',
    ...OUTCOME_ORDER.map((o) => `decisions_${o.toLowerCase()}`),
    'assumption',
    'assumption_share',
    'obligations',
    'obligations_on_time',
    'obligations_late',
    'on_time_share',
    'holds_ended',
    'hold_mean_hours',
    'alerts',
    'first_alerts',
    'to_first_alert_mean_hours',
    'corrections',
    'splits',
  ];
  return [
    header.join(','),
    ...rows.map((r) =>
      [
        r.month,
        r.region,
        r.signals,
        r.decisions,
        ...OUTCOME_ORDER.map((o) => r.outcomes[o] ?? '< 10'),
        r.assumption,
        share(r.assumptionShare),
        r.obligations,
        r.obligationsOnTime,
        r.obligationsLate,
        share(r.onTimeShare),
        r.hold.count,
        hours(r.hold.meanHours),
        r.alerts,
        r.toFirstAlert.count,
        hours(r.toFirstAlert.meanHours),
        r.corrections,
        r.splits,
      ]
        .map(cell)
        .join(','),
    ),
  ];
}
