import type { ErasureRecord } from './erasure.js';
import type { DecisionRecord } from '@samenhang/decision';
import type { AssignmentRecord, DisclosureRecord } from './records.js';
import { CHECKPOINT_SUBJECT, type LogEntry } from './verify-log.js';

export interface AuditRecords {
  readonly decisions: DecisionRecord[];
  readonly disclosures: DisclosureRecord[];
  readonly assignments: AssignmentRecord[];
  /** Tombstones of erased persons (pseudonym, count, reason; nothing of what was erased). */
  readonly erasures: ErasureRecord[];
}

/** Parses the records of a log (checkpoints and anything unreadable are skipped). */
export function parseRecords(entries: readonly LogEntry[]): AuditRecords {
  const out: AuditRecords = { decisions: [], disclosures: [], assignments: [], erasures: [] };
  for (const e of entries) {
    if (e.subject === CHECKPOINT_SUBJECT) continue;
    try {
      const r = JSON.parse(Buffer.from(e.data).toString('utf8'));
      if (r.type === 'decision') out.decisions.push(r);
      else if (r.type === 'disclosure') out.disclosures.push(r);
      else if (r.type === 'assignment') out.assignments.push(r);
      else if (r.type === 'erasure') out.erasures.push(r);
    } catch {
      /* not a record: audit verify reports what is wrong with the log */
    }
  }
  return out;
}

/** The latest decision per signal (a consent change or expiry may re-decide). */
export function latestDecisions(decisions: readonly DecisionRecord[]): Map<string, DecisionRecord> {
  const out = new Map<string, DecisionRecord>();
  for (const d of decisions) {
    const key = `${d.sourceAgency}/${d.signalId}`;
    const cur = out.get(key);
    if (!cur || cur.decidedAt <= d.decidedAt) out.set(key, d);
  }
  return out;
}

export function inRange(iso: string, since?: string, until?: string): boolean {
  return (!since || iso >= new Date(since).toISOString()) && (!until || iso <= new Date(until).toISOString());
}

export interface AccessReport {
  readonly subject: string;
  readonly generatedAt: string;
  readonly signals: readonly {
    readonly signalId: string;
    readonly agency: string;
    readonly category: string | undefined;
    readonly observedAt: string | undefined;
    readonly role: 'the subject' | 'named as a related person';
    readonly outcome: string;
    readonly rule: string;
    readonly citation: string | undefined;
    readonly assumption: boolean;
    readonly assumptionNote: string | undefined;
    readonly recipients: readonly { recipient: string; time: string; kind: string; fields: readonly string[] }[];
  }[];
  readonly withheld: readonly { what: string; ground: string }[];
}

/**
 * The statement for a citizen's access request (AVG art. 15), for one person
 * pseudonym: only what concerns this person; other persons' data withheld, with
 * the ground. Views on a console count as disclosures to the viewer.
 */
export function accessReport(records: AuditRecords, person: string, now = new Date()): AccessReport {
  const concerning = [...latestDecisions(records.decisions).values()]
    .filter((d) => d.subjectPseudonym === person || d.relatedPseudonyms.includes(person))
    .sort((a, b) => (a.facts?.observedAt ?? '').localeCompare(b.facts?.observedAt ?? ''));
  // A signal id is unique per agency only: a disclosure names the decisions it showed, and
  // every decision of one (agency, signal id) is that signal's, whichever was the latest.
  const decisionsOf = new Map<string, Set<string>>();
  for (const d of records.decisions) {
    const key = `${d.sourceAgency}/${d.signalId}`;
    decisionsOf.set(key, (decisionsOf.get(key) ?? new Set()).add(d.decisionId));
  }
  const mine = new Set(concerning.flatMap((d) => [...decisionsOf.get(`${d.sourceAgency}/${d.signalId}`)!]));
  const byId = new Map(records.disclosures.map((x) => [x.disclosureId, x]));
  /** Where in a disclosure's lists (decisions, fields) this signal stands, or -1. */
  const position = (x: DisclosureRecord, ids: ReadonlySet<string>) => x.decisionIds.findIndex((id) => ids.has(id));
  const signals = concerning.map((d) => {
    const rule = d.rulesEvaluated.find((r) => r.id === d.decidingRule);
    const ids = decisionsOf.get(`${d.sourceAgency}/${d.signalId}`)!;
    return {
      signalId: d.signalId,
      agency: d.sourceAgency,
      category: d.facts?.category,
      observedAt: d.facts?.observedAt,
      role: d.subjectPseudonym === person ? ('the subject' as const) : ('named as a related person' as const),
      outcome: d.outcome,
      rule: d.decidingRule,
      citation: rule?.citation,
      assumption: rule?.assumption ?? false,
      assumptionNote: rule?.assumptionNote,
      recipients: records.disclosures
        .filter((x) => position(x, ids) >= 0)
        .map((x) => {
          const viewed = x.viewOf ? byId.get(x.viewOf) : undefined;
          const fieldsIn = (r: DisclosureRecord | undefined) =>
            r ? r.fieldsSent[position(r, ids)]?.fields : undefined;
          return {
            recipient: x.kind === 'view' && x.viewer ? `${x.recipient} (${x.viewer})` : x.recipient,
            time: x.time,
            kind: x.kind,
            fields: fieldsIn(x) ?? fieldsIn(viewed) ?? [],
          };
        }),
    };
  });
  const signalOf = new Map(records.decisions.map((d) => [d.decisionId, `${d.sourceAgency}/${d.signalId}`]));
  const otherSignals = new Set(
    records.disclosures
      .filter((x) => x.decisionIds.some((id) => mine.has(id)))
      .flatMap((x) => x.decisionIds.filter((id) => !mine.has(id)).map((id) => signalOf.get(id) ?? id)),
  );
  const withheld = [
    ...(otherSignals.size > 0
      ? [
          {
            what: `${otherSignals.size} signal(s) about other persons in the same family-system picture`,
            ground: 'AVG art. 15(4): the rights and freedoms of others',
          },
        ]
      : []),
    { what: 'the identity of any person who reported a concern', ground: 'Jeugdwet art. 7.3.11; AVG art. 23(1)(i)' },
  ];
  return {
    subject: 'the requesting person (identified by BSN; not repeated here)',
    generatedAt: now.toISOString(),
    signals,
    withheld,
  };
}
