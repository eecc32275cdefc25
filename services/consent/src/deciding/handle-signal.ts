import { decide, type DecisionRecord } from '@samenhang/decision';
import {
  nextAlerts,
  type Picture,
  type PictureEntry,
  pictureDecision,
  recipientFor,
  withEntry,
} from '@samenhang/family';
import { fromTimestamp, type v1 } from '@samenhang/proto';
import { publishAlerts } from '../alerts/publish.js';
import { PURPOSE, type ConsentDeps, type Handling } from '../deps.js';
import { withRetries } from '../family/systems.js';
import { factsOf } from './facts.js';

/**
 * One verified signal: decide (pure), write the decision record, place the signal in its
 * picture, and bring the alerts of the family systems it touches up to date. Idempotent:
 * a redelivery gives the same decision id, entry key and alert versions.
 */
export async function handleSignal(
  s: v1.VerifiedSignal,
  h: Handling,
  d: ConsentDeps,
): Promise<DecisionRecord | undefined> {
  const now = h.now;
  const facts = factsOf(s);
  const recipient = recipientFor(d.registry, s.region);
  const expiresAt = fromTimestamp(s.expiresAt);
  const policy = d.policy.policy;
  let decision: DecisionRecord | undefined;
  let systemId = '';
  let cappedIn: string | undefined;
  let stored: Picture | undefined;
  // A consent may be stored while we decide. The consent handler stores first and then
  // reads pictures; we store the entry first and then check consents again: one of us sees the other.
  for (let round = 0; round < 5; round++) {
    // The first read may come from memory; the re-read below asks the server.
    const read = await d.consents.read(s.subjectPseudonym, { cached: round === 0 });
    const decided = decide(
      { consents: read.facts, now, purpose: PURPOSE, recipient, signal: facts },
      d.policy.policy,
      d.policy.problem,
    );
    // The decision record goes out with the first placement writes; the entry is shown in
    // a picture (and so in any alert) only once the record is stored.
    const recorded = d.audit.decision(decided);
    recorded.catch(() => undefined); // awaited below; a failure before then must not go unhandled
    const entry: PictureEntry = {
      key: s.vaultRef, // the gateway's signal key (agency + hash of the signal id)
      signalId: s.signalId,
      agencyId: s.agencyId,
      agencyKind: s.agencyKind,
      region: s.region,
      subjectPseudonym: s.subjectPseudonym,
      related: s.relatedPersons.map((r) => ({ pseudonym: r.pseudonym ?? '', relation: r.relation ?? 0 })),
      householdKey: s.householdKey,
      category: facts.category,
      severity: facts.severity,
      legalGround: facts.legalGround,
      meldcodeDecision: s.meldcodeDecision,
      observedAt: facts.observedAt,
      ...(expiresAt !== undefined ? { expiresAt } : {}),
      ...(facts.confidentialAddress ? { confidentialAddress: true as const } : {}),
      ...(facts.hasReporter ? { hasReporter: true as const } : {}),
      decision: pictureDecision(decided),
    };
    const persons = [entry.subjectPseudonym, ...entry.related.map((r) => r.pseudonym)];
    // The entry and the alert versions it calls for, in one write: undefined when stored already.
    const withSignal = (p: Picture): Picture | undefined => {
      const placed = p.entries[entry.key]?.decision.decisionId === decided.decisionId ? p : withEntry(p, entry);
      return (policy ? nextAlerts(placed, policy, now, h.claim) : undefined) ?? (placed === p ? undefined : placed);
    };
    systemId = await withRetries(async () => {
      // A picture this signal founds is created with it; change() then finds nothing to do.
      const placed = await d.systems.place(
        persons,
        entry.householdKey,
        (empty) => withSignal(empty) ?? empty,
        recorded,
      );
      cappedIn = placed.cappedIn;
      await recorded;
      stored = await d.systems.change(placed.system, withSignal);
      return placed.system;
    });
    decision = decided;
    if (await d.consents.unchanged(s.subjectPseudonym, read)) break;
  }
  // With a policy, the stored picture already holds its next alert versions, claimed by
  // this handling; a redelivery finds them there, nothing to write, and sends them.
  await publishAlerts(systemId, h, d, policy ? stored : undefined);
  // Its address just passed the cap (or did before, and a crash may have kept the picture it
  // linked from knowing): that picture's address links are undone, its systems may split.
  if (cappedIn) {
    const capped = await d.systems.capAddress(cappedIn, s.householdKey);
    if (capped !== systemId) await publishAlerts(capped, h, d);
  }
  return decision;
}
