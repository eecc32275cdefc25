import { CHECKPOINT_SUBJECT, type DisclosureRecord, type LogEntry } from '@samenhang/audit-log';

export type { DisclosureRecord } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';

export interface AuditRecords {
  readonly decisions: DecisionRecord[];
  readonly disclosures: DisclosureRecord[];
}

/** Parses the records of a log (checkpoints and anything unreadable are skipped). */
export function parseRecords(entries: readonly LogEntry[]): AuditRecords {
  const decisions: DecisionRecord[] = [];
  const disclosures: DisclosureRecord[] = [];
  for (const e of entries) {
    if (e.subject === CHECKPOINT_SUBJECT) continue;
    try {
      const r = JSON.parse(Buffer.from(e.data).toString('utf8'));
      if (r.type === 'decision') decisions.push(r);
      else if (r.type === 'disclosure') disclosures.push(r);
    } catch {
      /* not a record: audit verify reports what is wrong with the log */
    }
  }
  return { decisions, disclosures };
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
