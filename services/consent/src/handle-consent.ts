import { decide, type ConsentFact } from '@samenhang/decision';
import { rvtOf } from '@samenhang/pki';
import { fromTimestamp, type v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';
import { PURPOSE, type ConsentDeps, type Handling } from './deps.js';
import { factsOfEntry } from './facts.js';
import { withRetries } from './family/systems.js';
import { pictureDecision } from './family/picture.js';
import { publishAlerts } from './publish-alerts.js';

/**
 * A consent, withdrawal or objection: record it, re-decide the person's signals in
 * their family system, and send a new alert version where what the RVT may see changed.
 */
export async function handleConsent(c: v1.VerifiedConsent, h: Handling, d: ConsentDeps): Promise<void> {
  const now = h.now;
  const fact: ConsentFact = {
    // keys in canonical order: decision input hashes are one JSON.stringify
    consentId: c.consentId,
    purpose: nameOf('purpose', c.purpose),
    recordedAt: fromTimestamp(c.recordedAt) ?? now,
    registeredBy: c.agencyId,
    scope: [...c.scope],
    status: nameOf('consentStatus', c.status) as ConsentFact['status'],
  };
  await d.consents.add(c.subjectPseudonym, fact);
  const systemId = await d.systems.systemOf(c.subjectPseudonym);
  if (!systemId) return;
  const consents = await d.consents.of(c.subjectPseudonym);

  await withRetries(async () => {
    const root = await d.systems.root(systemId);
    const current = await d.systems.pictures.get(root);
    if (!current) return;
    const redecided = Object.values(current.value.entries)
      .filter((e) => e.subjectPseudonym === c.subjectPseudonym)
      .map((e) => ({
        key: e.key,
        from: e.decision.decisionId,
        decision: decide(
          {
            signal: factsOfEntry(e),
            consents,
            recipient: { id: rvtOf(d.registry, e.region)?.id ?? 'none', region: e.region },
            purpose: PURPOSE,
            now,
          },
          d.policy.policy,
          d.policy.problem,
        ),
      }))
      .filter(
        (r) =>
          r.decision.outcome !== current.value.entries[r.key]!.decision.outcome ||
          r.decision.decidingRule !== current.value.entries[r.key]!.decision.decidingRule,
      );
    for (const r of redecided) await d.audit.decision(r.decision);
    await d.systems.change(root, (p) => {
      const entries = { ...p.entries };
      let changed = false;
      for (const r of redecided) {
        const e = entries[r.key];
        if (e && e.decision.decisionId === r.from) {
          entries[r.key] = { ...e, decision: pictureDecision(r.decision) };
          changed = true;
        }
      }
      return changed ? { ...p, entries } : undefined;
    });
  });
  await publishAlerts(systemId, h, d);
}
