import type { DisclosureRecord } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. A cell that a
 * spreadsheet would read as a formula (=, +, -, @, a tab or carriage return first) gets a
 * leading apostrophe: ids come from agencies, and a privacy officer opens the export in one.
 */
export function csvCell(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
const line = (values: readonly string[]) => values.map(csvCell).join(',');

/** The columns of a disclosure in CSV, for the CLI's --csv and the console's export alike. */
export const DISCLOSURE_COLUMNS = [
  'time',
  'disclosureId',
  'kind',
  'recipient',
  'viewer',
  'version',
  'signals',
  'legalBasis',
  'contentSha256',
] as const;

export function disclosureCells(d: DisclosureRecord): string[] {
  return [
    d.time,
    d.disclosureId,
    d.kind,
    d.recipient,
    d.viewer ?? '',
    String(d.version ?? ''),
    d.sourceSignals.join(' '),
    d.legalBasis.map((b) => `${b.signalId}:${b.rule}`).join(' '),
    d.contentSha256,
  ];
}

export const DECISION_COLUMNS = [
  'decidedAt',
  'decisionId',
  'agency',
  'signal',
  'recipient',
  'outcome',
  'rule',
  'citation',
  'policy',
] as const;

export function decisionCells(d: DecisionRecord): string[] {
  return [
    d.decidedAt,
    d.decisionId,
    d.sourceAgency,
    d.signalId,
    d.recipient,
    d.outcome,
    d.decidingRule,
    d.rulesEvaluated.find((r) => r.id === d.decidingRule)?.citation ?? '',
    d.policy?.version ?? '',
  ];
}

/** A whole CSV document: a header row, then one line per row. */
export function toCsv<T>(columns: readonly string[], cells: (row: T) => string[], rows: readonly T[]): string {
  return `${[line(columns), ...rows.map((r) => line(cells(r)))].join('\n')}\n`;
}
