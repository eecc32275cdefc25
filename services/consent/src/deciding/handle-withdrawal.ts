import { withdrawnDecision } from '@samenhang/decision';
import { factsOfEntry, recipientFor, withWithdrawal } from '@samenhang/family';
import type { v1 } from '@samenhang/proto';
import { signalKey } from '@samenhang/topology';
import { publishAlerts } from '../alerts/publish.js';
import { PURPOSE, type ConsentDeps, type Handling } from '../deps.js';
import { withRetries } from '../family/systems.js';

/**
 * A withdrawal takes the withdrawn signal out of its picture; the links it made go with it,
 * and the next alert versions show that (a split, with corrections). The signal is found by
 * (agency, signal id): the gateway names the withdrawn signal's subject (from its index), so
 * the withdrawal's own subject does not matter. One that takes effect is a decision of its
 * own (DENY, WITHDRAWN), recorded before the picture changes. The signal's sealed content
 * is then erased from the vault.
 */
export async function handleWithdrawal(s: v1.VerifiedSignal, h: Handling, d: ConsentDeps): Promise<void> {
  const withdrawn = signalKey(s.agencyId, s.withdrawsSignalId);
  const systemId = await d.systems.systemOf(s.withdrawnSubjectPseudonym || s.subjectPseudonym);
  if (!systemId) return void (await d.vault.eraseSignalContent(withdrawn));
  await withRetries(async () => {
    const root = await d.systems.root(systemId);
    const entry = (await d.systems.picture(root))?.value.entries[withdrawn];
    if (entry) {
      const recipient = recipientFor(d.registry, entry.region);
      await d.audit.decision(
        withdrawnDecision(
          { consents: [], now: h.now, purpose: PURPOSE, recipient, signal: factsOfEntry(entry) },
          d.policy.policy,
          s.signalId,
        ),
      );
    }
    return d.systems.change(root, (p) => (p.withdrawn.includes(withdrawn) ? undefined : withWithdrawal(p, withdrawn)));
  });
  // Out of the picture, its sealed content is destroyed (the subject's other signals stay
  // readable); a redelivery erases again, harmlessly.
  await d.vault.eraseSignalContent(withdrawn);
  await publishAlerts(systemId, h, d);
}
