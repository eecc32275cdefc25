import type { DecisionRecord } from '@samenhang/decision';
import type { DisclosureRecord } from '../records.js';
import { latestDecisions, type AuditRecords } from '../reports.js';

/** A signal's key: a signal id is unique per agency only. */
export const signalOf = (d: Pick<DecisionRecord, 'sourceAgency' | 'signalId'>): string =>
  `${d.sourceAgency}/${d.signalId}`;

/** What of the log concerns one person (a pseudonym): their signals and what disclosed them. */
export interface Concerning {
  /** The latest decision of each signal the person is the subject of or named in, oldest observation first. */
  readonly signals: readonly DecisionRecord[];
  /** Every decision id of those signals (a consent change or expiry may re-decide one). */
  readonly decisionIds: ReadonlyMap<string, ReadonlySet<string>>;
  /** Disclosures that named one of those decisions or the person: alerts, pictures, console views, access reports. */
  readonly disclosures: readonly DisclosureRecord[];
}

/**
 * The one query of "what concerns this person" for the CLI (`audit disclosures --bsn`,
 * `audit access-report`) and the console. A console view names the decisions it showed but
 * no pseudonyms, so a filter on `pseudonyms` alone would leave every view out.
 */
export function concerning(records: AuditRecords, person: string): Concerning {
  const signals = [...latestDecisions(records.decisions).values()]
    .filter((d) => d.subjectPseudonym === person || d.relatedPseudonyms.includes(person))
    .sort((a, b) => (a.facts?.observedAt ?? '').localeCompare(b.facts?.observedAt ?? ''));
  const keys = new Set(signals.map(signalOf));
  const decisionIds = new Map<string, Set<string>>();
  for (const d of records.decisions) {
    const key = signalOf(d);
    if (keys.has(key)) decisionIds.set(key, (decisionIds.get(key) ?? new Set()).add(d.decisionId));
  }
  const mine = new Set([...decisionIds.values()].flatMap((s) => [...s]));
  const disclosures = records.disclosures.filter(
    (x) => x.pseudonyms.includes(person) || x.decisionIds.some((id) => mine.has(id)),
  );
  return { signals, decisionIds, disclosures };
}
