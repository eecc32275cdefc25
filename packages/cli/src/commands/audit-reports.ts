import type { HomePaths } from '@samenhang/config';
import { concerning, inRange, parseRecords, type DisclosureRecord } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { readAuditLog } from '@samenhang/client';
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
  json?: boolean;
  csv?: boolean;
};

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
  const { decisions: all } = parseRecords(await readAuditLog(paths));
  const picked = all.filter(
    (d) =>
      (!flags.agency || d.sourceAgency === flags.agency) &&
      (!flags.signal || d.signalId === flags.signal) &&
      inRange(d.decidedAt, flags.since, flags.until),
  );
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
  const records = parseRecords(await readAuditLog(paths));
  const ds = records.decisions;
  let all = records.disclosures;
  let signalsAtHousehold: Set<string> | undefined;
  if (flags.bsn || flags.household) {
    const p = createPseudonymizer(loadBrokerKeys(paths).pseudonymMaster);
    if (flags.bsn) {
      if (!isValidBsn(flags.bsn)) throw usageError('--bsn is not a valid BSN (nine digits that pass the 11-test)');
      // The one query the access report uses too: console views name decisions, not persons.
      all = [...concerning(records, p.person(flags.bsn)).disclosures];
    }
    if (flags.household) {
      const n = Number.parseInt(rest[0] ?? '', 10);
      if (!Number.isInteger(n)) throw usageError('--household needs <postcode> <number> [suffix]');
      const hk = p.household({ postcode: flags.household, houseNumber: n, houseNumberSuffix: rest[1] ?? '' });
      signalsAtHousehold = new Set(ds.filter((d) => d.householdKey === hk).map((d) => d.signalId));
    }
  }
  const picked = all.filter(
    (d) =>
      (!signalsAtHousehold || d.sourceSignals.some((s) => signalsAtHousehold!.has(s))) &&
      (!flags.recipient || d.recipient === flags.recipient || d.recipient === `rvt-${flags.recipient}`) &&
      inRange(d.time, flags.since, flags.until),
  );
  const row = (d: DisclosureRecord) => [
    d.time,
    d.disclosureId,
    d.kind,
    d.recipient,
    String(d.version ?? ''),
    d.sourceSignals.join(' '),
    d.legalBasis.map((b) => `${b.signalId}:${b.rule}`).join(' '),
    d.contentSha256,
  ];
  const header = ['time', 'disclosureId', 'kind', 'recipient', 'version', 'signals', 'legalBasis', 'contentSha256'];
  if (flags.json) for (const d of picked) out(JSON.stringify(d));
  else if (flags.csv) {
    const csv = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    out(header.join(','));
    for (const d of picked) out(row(d).map(csv).join(','));
  } else {
    out(header.slice(0, 7).join('\t'));
    for (const d of picked) out(row(d).slice(0, 7).join('\t'));
  }
  return EXIT.OK;
}
