import { type HumanDecisionKind, humanDecision, humanDecisionFits } from '@samenhang/decision';
import { factsOfEntry, isSystemId, nextAlerts, pictureDecision, recipientFor, withDecisions } from '@samenhang/family';
import { v1 } from '@samenhang/proto';
import { publishAlerts } from '../alerts/publish.js';
import { PURPOSE, type ConsentDeps, type Handling } from '../deps.js';
import { withRetries } from '../family/systems.js';

const KINDS: Partial<Record<v1.HumanDecisionKind, HumanDecisionKind>> = {
  [v1.HumanDecisionKind.HUMAN_DECISION_KIND_REVIEW_UPHELD]: 'REVIEW_UPHELD',
  [v1.HumanDecisionKind.HUMAN_DECISION_KIND_REVIEW_WITHDRAW]: 'REVIEW_WITHDRAW',
  [v1.HumanDecisionKind.HUMAN_DECISION_KIND_HOLD_RELEASE]: 'HOLD_RELEASE',
  [v1.HumanDecisionKind.HUMAN_DECISION_KIND_HOLD_DENY]: 'HOLD_DENY',
};

/**
 * A person's decision about one entry (published by the console for the RVT of `region`):
 * recorded as a decision that replaces the one it is about, then the picture and the alert
 * versions follow. Only an entry of that region, still carrying the decision decided about,
 * and in a state the kind answers (a review due, a hold), is changed; anything else was
 * decided meanwhile or is not this person's to decide, and is only logged. Idempotent.
 */
export async function handleHuman(m: v1.HumanDecision, region: string, h: Handling, d: ConsentDeps): Promise<void> {
  const kind = KINDS[m.kind];
  const policy = d.policy.policy;
  if (!kind || !policy || !isSystemId(m.systemId)) {
    d.log.warn(
      { region, kind: m.kind },
      'human decision not applied: unknown kind or system id, or no policy (fail closed)',
    );
    return;
  }
  const picture = await d.systems.live(m.systemId);
  const entry = picture && Object.values(picture.entries).find((e) => e.decision.decisionId === m.decisionId);
  if (!picture || !entry || entry.region !== region || !humanDecisionFits(kind, entry.decision)) {
    d.log.warn({ region, systemId: m.systemId, kind }, 'human decision not applied: no such decision due here');
    // A redelivery after the decision was applied but before its alert went out finds the
    // decision replaced: the alert versions its first delivery claimed are sent now.
    if (picture) await publishAlerts(picture.systemId, h, d);
    return;
  }
  const decided = humanDecision(
    {
      signal: factsOfEntry(entry),
      consents: await d.consents.of(entry.subjectPseudonym),
      recipient: recipientFor(d.registry, entry.region),
      purpose: PURPOSE,
      now: h.now,
    },
    { kind, by: m.decidedBy, organisation: m.organisation, of: entry.decision },
    policy,
  );
  await d.audit.decision(decided); // recorded before the picture shows it
  // The decision and the alert versions it calls for, in one write claimed by this message.
  const stored = await withRetries(async () => {
    const root = await d.systems.root(picture.systemId);
    return d.systems.change(root, (p) => {
      const changed = withDecisions(p, [{ key: entry.key, from: m.decisionId, decision: pictureDecision(decided) }]);
      return changed && (nextAlerts(changed, policy, h.now, h.claim) ?? changed);
    });
  });
  await publishAlerts(stored.systemId, h, d, stored);
}
