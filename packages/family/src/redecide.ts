import { type ConsentFact, decide, type SignalFacts } from '@samenhang/decision';
import type { LoadedPolicy } from '@samenhang/policy';
import type { Registry } from '@samenhang/pki';
import { type PictureEntry, pictureDecision, type Redecision } from './picture.js';
import { recipientFor } from './recipient.js';
import type { DecisionRecord } from '@samenhang/decision';

/** The decision-relevant facts an entry keeps (codes and pseudonyms only). */
export function factsOfEntry(e: PictureEntry): SignalFacts {
  return {
    signalId: e.signalId,
    agencyId: e.agencyId,
    agencyKind: e.agencyKind,
    region: e.region,
    subjectPseudonym: e.subjectPseudonym,
    relatedPseudonyms: e.related.map((r) => r.pseudonym),
    householdKey: e.householdKey,
    category: e.category,
    severity: e.severity,
    legalGround: e.legalGround,
    meldcodeDecision: e.meldcodeDecision,
    observedAt: e.observedAt,
    ...(e.expiresAt !== undefined ? { expiresAt: e.expiresAt } : {}),
    ...(e.confidentialAddress ? { confidentialAddress: true as const } : {}),
    ...(e.hasReporter ? { hasReporter: true as const } : {}),
  };
}

export interface RedecideInputs {
  readonly registry: Registry;
  readonly policy: LoadedPolicy | undefined;
  /** Why there is no policy, for the fail-closed record. */
  readonly problem?: string;
  readonly purpose: string;
  /** The consents of a subject, as known now. */
  readonly consentsOf: (subject: string) => readonly ConsentFact[];
  /** When each entry is decided: now, or (expiry) the moment it expired. */
  readonly at: (e: PictureEntry) => number;
}

/** How much an outcome shows: a person's decision gives way only to one that shows less. */
const SHOWS = { DENY: 0, INDEX: 1, DISCLOSE: 2 } as const;

/** A decision a person took (rules HUMAN-*, packages/decision/src/human.ts). */
export const byPerson = (d: Pick<PictureEntry['decision'], 'decidingRule'>): boolean =>
  d.decidingRule.startsWith('HUMAN-');

/**
 * Decides entries again (a consent changed, a retention ended): the records to write and,
 * for those whose outcome or deciding rule changed, the redecisions to put in the picture.
 * An entry a person decided keeps that decision unless the rules now show less (an
 * objection, an expiry): rules never undo a person's restriction or re-disclose what a
 * person withdrew. Every re-decision of the consent service goes through here.
 */
export function redecide(
  entries: readonly PictureEntry[],
  i: RedecideInputs,
): { records: DecisionRecord[]; redecided: Redecision[] } {
  const records: DecisionRecord[] = [];
  const redecided: Redecision[] = [];
  for (const e of entries) {
    const d = decide(
      {
        signal: factsOfEntry(e),
        consents: i.consentsOf(e.subjectPseudonym),
        recipient: recipientFor(i.registry, e.region),
        purpose: i.purpose,
        now: i.at(e),
      },
      i.policy,
      i.problem,
    );
    if (d.outcome === e.decision.outcome && d.decidingRule === e.decision.decidingRule) continue;
    if (byPerson(e.decision) && SHOWS[d.shownAs] >= SHOWS[e.decision.shownAs]) continue;
    records.push(d);
    redecided.push({ key: e.key, from: e.decision.decisionId, decision: pictureDecision(d) });
  }
  return { records, redecided };
}
