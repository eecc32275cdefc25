import type { ConsentFact } from '@samenhang/decision';
import { redecide, withDecisions } from '@samenhang/family';
import { fromTimestamp, type v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';
import { publishAlerts } from '../alerts/publish.js';
import { PURPOSE, type ConsentDeps, type Handling } from '../deps.js';
import { withRetries } from '../family/systems.js';

/**
 * A consent, withdrawal or objection: record it, re-decide the person's signals in
 * their picture, and send a new alert version where what the RVT may see changed.
 */
export async function handleConsent(c: v1.VerifiedConsent, h: Handling, d: ConsentDeps): Promise<void> {
  const fact: ConsentFact = {
    // keys in canonical order: decision input hashes are one JSON.stringify
    consentId: c.consentId,
    purpose: nameOf('purpose', c.purpose),
    recordedAt: fromTimestamp(c.recordedAt) ?? h.now,
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
    const current = await d.systems.picture(root);
    if (!current) return;
    const { records, redecided } = redecide(
      Object.values(current.value.entries).filter((e) => e.subjectPseudonym === c.subjectPseudonym),
      {
        registry: d.registry,
        policy: d.policy.policy,
        ...(d.policy.problem ? { problem: d.policy.problem } : {}),
        purpose: PURPOSE,
        consentsOf: () => consents,
        at: () => h.now,
      },
    );
    for (const r of records) await d.audit.decision(r);
    await d.systems.change(root, (p) => withDecisions(p, redecided));
  });
  await publishAlerts(systemId, h, d);
}
