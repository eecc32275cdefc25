import type { HomePaths } from '@samenhang/config';
import { accessReport as buildAccessReport, inRange, parseRecords, type DisclosureRecord } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { readAuditLog } from '@samenhang/client';
import { EXIT, usageError, out } from '../output.js';
import { loadBrokerKeys } from '@samenhang/service-base';

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
  const { decisions: ds, disclosures: all } = parseRecords(await readAuditLog(paths));
  let person: string | undefined;
  let signalsAtHousehold: Set<string> | undefined;
  if (flags.bsn || flags.household) {
    const p = createPseudonymizer(loadBrokerKeys(paths).pseudonymMaster);
    if (flags.bsn) person = p.person(flags.bsn);
    if (flags.household) {
      const n = Number.parseInt(rest[0] ?? '', 10);
      if (!Number.isInteger(n)) throw usageError('--household needs <postcode> <number> [suffix]');
      const hk = p.household({ postcode: flags.household, houseNumber: n, houseNumberSuffix: rest[1] ?? '' });
      signalsAtHousehold = new Set(ds.filter((d) => d.householdKey === hk).map((d) => d.signalId));
    }
  }
  const picked = all.filter(
    (d) =>
      (!person || d.pseudonyms.includes(person)) &&
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

/**
 * `audit access-report --bsn <bsn>`: the statement for a citizen's access request
 * (AVG art. 15) — only what concerns this person; other persons' data withheld, with the ground.
 */
export async function accessReport(paths: HomePaths, flags: ReportFlags): Promise<number> {
  if (!flags.bsn) throw usageError('access-report needs --bsn <bsn>');
  const person = createPseudonymizer(loadBrokerKeys(paths).pseudonymMaster).person(flags.bsn);
  const report = buildAccessReport(parseRecords(await readAuditLog(paths)), person);
  const { signals, withheld } = report;
  if (flags.json) {
    out(JSON.stringify(report, null, 2));
    return EXIT.OK;
  }
  out(`Access report (AVG art. 15) — ${report.generatedAt}`);
  out(`${signals.length} signal(s) concern you:`);
  for (const s of signals) {
    out(`- ${s.signalId}: ${s.category} from ${s.agency}, observed ${s.observedAt?.slice(0, 10)}; you are ${s.role}`);
    out(
      `  decision: ${s.outcome} under ${s.rule} (${s.citation}${s.assumption ? `; assumption: ${s.assumptionNote ?? 'amended law'}` : ''})`,
    );
    for (const r of s.recipients)
      out(`  shown to ${r.recipient} on ${r.time} (${r.kind}): ${r.fields.join(', ') || 'nothing'}`);
    if (s.recipients.length === 0) out('  not shown to anyone');
  }
  out('Withheld:');
  for (const w of withheld) out(`- ${w.what} — ground: ${w.ground}`);
  return EXIT.OK;
}
