import type { ConsentFact } from '@samenhang/decision';
import { type PictureEntry, redecide, withDecisions } from '@samenhang/family';
import { fromTimestamp, type v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';
import { publishAlerts } from '../alerts/publish.js';
import { PURPOSE, type ConsentDeps, type Handling } from '../deps.js';
import { conflict } from '../family/kv-json.js';
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

  const redecided = (entries: Iterable<PictureEntry>) =>
    redecide(
      [...entries].filter((e) => e.subjectPseudonym === c.subjectPseudonym),
      {
        registry: d.registry,
        policy: d.policy.policy,
        ...(d.policy.problem ? { problem: d.policy.problem } : {}),
        purpose: PURPOSE,
        consentsOf: () => consents,
        at: () => h.now,
      },
    );
  await withRetries(async () => {
    const root = await d.systems.root(systemId);
    const current = await d.systems.picture(root);
    if (!current) return;
    const { records } = redecided(Object.values(current.value.entries));
    for (const r of records) await d.audit.decision(r);
    // Decided again on the picture as it is when written: if an entry changed meanwhile (a
    // person's decision, another consent), what was recorded may not be what applies: retry.
    const written = new Set(records.map((r) => r.decisionId));
    await d.systems.change(root, (p) => {
      const again = redecided(Object.values(p.entries));
      if (again.records.some((r) => !written.has(r.decisionId))) throw conflict('entries decided again meanwhile');
      return withDecisions(p, again.redecided);
    });
  });
  await publishAlerts(systemId, h, d);
}
