import { decide, withdrawnDecision, type DecisionRecord } from '@samenhang/decision';
import { rvtOf } from '@samenhang/pki';
import { fromTimestamp, type v1 } from '@samenhang/proto';
import { signalKey } from '@samenhang/stack';
import { PURPOSE, type ConsentDeps, type Handling } from './deps.js';
import { factsOf, factsOfEntry } from './facts.js';
import { pictureDecision, withEntry, withWithdrawal, type Picture, type PictureEntry } from './family/picture.js';
import { withRetries } from './family/systems.js';
import { publishAlerts } from './publish-alerts.js';
import { nextAlerts } from './region-view.js';

/** The vault reference is the gateway's signal key (agency + hash of the signal id). */
const entryKey = (s: v1.VerifiedSignal) => s.vaultRef;

/**
 * One verified signal: decide (pure), write the decision record, place the signal
 * in its family system's picture, and bring the alerts up to date. Idempotent:
 * a redelivery gives the same decision id, entry key and alert versions.
 */
export async function handleSignal(
  s: v1.VerifiedSignal,
  h: Handling,
  d: ConsentDeps,
): Promise<DecisionRecord | undefined> {
  if (s.withdrawsSignalId !== '') return handleWithdrawal(s, h, d);
  const now = h.now;
  const facts = factsOf(s);
  const recipient = rvtOf(d.registry, s.region);
  const expiresAt = fromTimestamp(s.expiresAt);
  const policy = d.policy.policy;
  let decision: DecisionRecord | undefined;
  let systemId = '';
  let stored: Picture | undefined;
  // A consent may be stored while we decide. The consent handler stores first and then
  // reads pictures; we store the entry first and then check consents again: one of us sees the other.
  for (let round = 0; round < 5; round++) {
    // The first read may come from memory; the re-read below asks the server.
    const read = await d.consents.read(s.subjectPseudonym, { cached: round === 0 });
    const consents = read.facts;
    const decided = decide(
      {
        consents,
        now,
        purpose: PURPOSE,
        recipient: { id: recipient?.id ?? 'none', region: recipient ? s.region : 'none' },
        signal: facts,
      },
      d.policy.policy,
      d.policy.problem,
    );
    // The decision record goes out with the first placement writes; the entry is shown in
    // a picture (and so in any alert) only once the record is stored.
    const recorded = d.audit.decision(decided);
    recorded.catch(() => undefined); // awaited below; a failure before then must not go unhandled
    const entry: PictureEntry = {
      key: entryKey(s),
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
      decision: pictureDecision(decided),
    };
    const persons = [entry.subjectPseudonym, ...entry.related.map((r) => r.pseudonym)];
    // The entry and the alert versions it calls for, in one write: undefined when stored already.
    const withSignal = (p: Picture): Picture | undefined => {
      const placed = p.entries[entry.key]?.decision.decisionId === decided.decisionId ? p : withEntry(p, entry);
      return (policy ? nextAlerts(placed, policy, now, h.claim) : undefined) ?? (placed === p ? undefined : placed);
    };
    systemId = await withRetries(async () => {
      // A system this signal founds is created with it; change() then finds nothing to do.
      const id = await d.systems.place(persons, entry.householdKey, (empty) => withSignal(empty) ?? empty, recorded);
      await recorded;
      stored = await d.systems.change(id, withSignal);
      return id;
    });
    decision = decided;
    if (await d.consents.unchanged(s.subjectPseudonym, read)) break;
  }
  // With a policy, the stored picture already holds its next alert versions, claimed by
  // this handling; a redelivery finds them there, nothing to write, and sends them.
  await publishAlerts(systemId, h, d, policy ? stored : undefined);
  return decision;
}

/**
 * A withdrawal takes the withdrawn signal out of its picture; the next alert version shows
 * that. The signal is found by (agency, signal id): the gateway names the withdrawn signal's
 * subject (from its index), so the withdrawal's own subject does not matter. One that takes
 * effect is a decision of its own (DENY, WITHDRAWN), recorded before the picture changes.
 */
async function handleWithdrawal(s: v1.VerifiedSignal, h: Handling, d: ConsentDeps): Promise<undefined> {
  const withdrawn = signalKey(s.agencyId, s.withdrawsSignalId);
  const systemId = await d.systems.systemOf(s.withdrawnSubjectPseudonym || s.subjectPseudonym);
  if (!systemId) return undefined;
  await withRetries(async () => {
    const root = await d.systems.root(systemId);
    const entry = (await d.systems.pictures.get(root))?.value.entries[withdrawn];
    if (entry) {
      const recipient = { id: rvtOf(d.registry, entry.region)?.id ?? 'none', region: entry.region };
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
  await publishAlerts(systemId, h, d);
  return undefined;
}
