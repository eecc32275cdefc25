import { CHECKPOINT_SUBJECT, type LogEntry } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';

/** The shape of a disclosure record on samenhang.audit.disclosures (docs/policy.md). */
export interface DisclosureRecord {
  readonly disclosureId: string;
  readonly kind: 'alert' | 'picture';
  readonly time: string;
  readonly recipient: string;
  readonly purpose: string;
  readonly decisionIds: readonly string[];
  readonly legalBasis: readonly { signalId: string; rule: string; citation: string; assumption: boolean }[];
  readonly fieldsSent: readonly { signalId: string; fields: readonly string[] }[];
  readonly contentSha256: string;
  readonly sourceSignals: readonly string[];
  readonly pseudonyms: readonly string[];
  readonly systemId: string;
  readonly version?: number;
}

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
