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
