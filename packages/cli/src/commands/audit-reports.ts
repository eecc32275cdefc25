import type { HomePaths } from '@samenhang/config';
import { concerning } from '@samenhang/audit-log';
import {
  DECISION_COLUMNS,
  DISCLOSURE_COLUMNS,
  decisionCells,
  disclosureCells,
  toCsv,
  type AuditIndex,
} from '@samenhang/audit-index';
import type { DecisionRecord } from '@samenhang/decision';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { openAuditIndex } from '@samenhang/client';
import { EXIT, usageError, out } from '../output.js';
import { loadBrokerKeys } from '@samenhang/service-base';
import { isValidBsn } from '@samenhang/signal';

export type ReportFlags = {
  signal?: string;
  agency?: string;
  since?: string;
  until?: string;
  bsn?: string;
  household?: string;
  recipient?: string;
  viewer?: string;
  json?: boolean;
  csv?: boolean;
  limit?: string;
  offset?: string;
};

/** A page of the answer: `--limit` rows after `--offset` (all by default). */
function paging(flags: ReportFlags): { limit?: number; offset?: number } {
  const n = (flag: 'limit' | 'offset') => {
    const v = flags[flag];
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw usageError(`--${flag} takes a whole number of 0 or more`);
    return Number(v);
  };
  const limit = n('limit');
  const offset = n('offset');
  return { ...(limit !== undefined ? { limit } : {}), ...(offset !== undefined ? { offset } : {}) };
}

/** A date the way the console's forms take it too: anything Date reads, or the command fails with exit 2. */
function window(flags: ReportFlags): { since?: string; until?: string } {
  for (const f of ['since', 'until'] as const)
    if (flags[f] !== undefined && Number.isNaN(Date.parse(flags[f]!)))
      throw usageError(`--${f} is not a date (YYYY-MM-DD or an ISO time)`);
  return { ...(flags.since ? { since: flags.since } : {}), ...(flags.until ? { until: flags.until } : {}) };
}

/** Runs a query on the home's audit index, caught up with the log first. */
async function withIndex<T>(paths: HomePaths, use: (index: AuditIndex) => T): Promise<T> {
  const index = await openAuditIndex(paths);
  try {
    return use(index);
  } finally {
    index.close();
  }
}

function rule(d: DecisionRecord): string {
  const r = d.rulesEvaluated.find((x) => x.id === d.decidingRule);
  const assumption = r?.assumption ? ` [assumption: ${r.assumptionNote ?? 'amended law'}]` : '';
  return `${d.decidingRule} — ${r?.citation ?? ''}${assumption}`;
}

/**
 * `audit decisions [--agency <id>] [--signal <id>] [--since] [--until]`: why each signal was
 * shown as it was. A signal id is unique per agency only, so `--agency` names whose.
 */
export async function decisions(paths: HomePaths, flags: ReportFlags): Promise<number> {
  const q = {
    ...(flags.agency ? { agency: flags.agency } : {}),
    ...(flags.signal ? { signal: flags.signal } : {}),
    ...window(flags),
    ...paging(flags),
  };
  const { rows: picked } = await withIndex(paths, (index) => index.decisions(q));
  if (flags.csv) {
    process.stdout.write(toCsv(DECISION_COLUMNS, decisionCells, picked));
    return EXIT.OK;
  }
  for (const d of picked) {
    if (flags.json) {
      out(JSON.stringify(d));
      continue;
    }
    out(
      `${d.decidedAt}  ${d.signalId} from ${d.sourceAgency} (${d.sourceKind}, ${d.facts?.category ?? '?'})  → ${d.recipient}: ${d.outcome}${d.outcome === 'HOLD' ? ' (shown as INDEX)' : ''}`,
    );
    out(`  decided by ${rule(d)}`);
    // A person's decision: who (a pseudonymous id), for which organisation, about which decision.
    if (d.human) out(`  by ${d.human.by} for ${d.human.organisation}: ${d.human.kind} of ${d.human.of}`);
    out(`  why: ${d.rulesEvaluated.find((x) => x.id === d.decidingRule)?.reason ?? d.failClosedReason ?? ''}`);
    for (const x of d.refused.slice(0, 3)) out(`  not ${x.outcome} under ${x.rule}: ${x.reason}`);
    if (d.fields.length) out(`  may show: ${d.fields.join(', ')}`);
    for (const o of d.obligations) out(`  obligation: ${o.type} due ${o.dueAt}`);
    out(
      `  policy ${d.policy?.version ?? 'none'} ${d.policy?.digest.slice(0, 16) ?? ''}  decision ${d.decisionId}  inputs ${d.inputsSha256.slice(0, 16)}`,
    );
  }
  if (picked.length === 0 && !flags.json) out('no decisions match');
  return EXIT.OK;
}

/** `audit disclosures --bsn | --household <postcode> <number> | --recipient | --since | --until`. */
export async function disclosures(paths: HomePaths, flags: ReportFlags, rest: string[]): Promise<number> {
  const p = flags.bsn || flags.household ? createPseudonymizer(loadBrokerKeys(paths).pseudonymMaster) : undefined;
  if (flags.bsn && !isValidBsn(flags.bsn))
    throw usageError('--bsn is not a valid BSN (nine digits that pass the 11-test)');
  let household: string | undefined;
  if (flags.household) {
    const n = Number.parseInt(rest[0] ?? '', 10);
    if (!Number.isInteger(n)) throw usageError('--household needs <postcode> <number> [suffix]');
    household = p!.household({ postcode: flags.household, houseNumber: n, houseNumberSuffix: rest[1] ?? '' });
  }
  const q = {
    ...(flags.recipient ? { recipient: flags.recipient } : {}),
    ...(flags.viewer ? { viewer: flags.viewer } : {}),
    ...(household ? { household } : {}),
    ...window(flags),
  };
  const picked = await withIndex(paths, (index) => {
    // A person's: the one query the access report uses too (console views name decisions, not persons).
    const person = flags.bsn ? p!.person(flags.bsn) : undefined;
    const ids = person && concerning(index.concerning(person), person).disclosures.map((d) => d.disclosureId);
    return index.disclosures({ ...q, ...(ids ? { ids } : {}), ...paging(flags) }).rows;
  });
  if (flags.json) for (const d of picked) out(JSON.stringify(d));
  else if (flags.csv) process.stdout.write(toCsv(DISCLOSURE_COLUMNS, disclosureCells, picked));
  else {
    // The content hash is for the CSV (and proofs), not the terminal.
    out(DISCLOSURE_COLUMNS.slice(0, -1).join('\t'));
    for (const d of picked) out(disclosureCells(d).slice(0, -1).join('\t'));
  }
  return EXIT.OK;
}
