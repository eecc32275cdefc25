import type { JetStreamClient, JsMsg } from 'nats';
import { SamenhangError } from '@samenhang/errors';
import { envelopeSha256 } from '@samenhang/envelope';
import type { Logger } from '@samenhang/logging';
import { toTimestamp, v1 } from '@samenhang/proto';
import type { Pseudonymizer } from '@samenhang/pseudonym';
import { agencyOfSubject, signalKey, subjects } from '@samenhang/topology';
import type { Vault } from '@samenhang/vault';
import { failureAction } from './failure-policy.js';
import { claimState } from './published.js';
import { pseudonymise } from './pseudonymise.js';
import { publishReceipt, type ReceiptInput } from './receipts.js';
import type { IndexEntry, SignalIndex } from './signal-index.js';
import { checkConsent } from './verify-consent.js';
import { checkSignal, type CheckProgress, type SignalCheckContext } from './verify-signal.js';

export interface IngressDeps {
  readonly js: JetStreamClient;
  readonly check: SignalCheckContext;
  readonly index: SignalIndex;
  readonly pseudonyms: Pseudonymizer;
  readonly vault: Vault;
  readonly log: Logger;
  /** Whether INGRESS still holds a message (it is dropped once acknowledged). */
  readonly ingressHolds: (seq: number) => Promise<boolean>;
  /** After this many deliveries an unexpected error (not NATS being unavailable) becomes an ERR_INTERNAL receipt. */
  readonly maxInternalRetries: number;
}

export type Outcome = ReceiptInput['status'] | 'RETRY';

/**
 * Handles one ingress message end to end and acknowledges it only after its
 * receipt (and, when accepted, its verified signal) is durably stored. Any
 * infrastructure failure leaves the message unacknowledged for redelivery.
 */
export async function handleIngress(m: JsMsg, d: IngressDeps): Promise<Outcome> {
  const agencyId = agencyOfSubject(m.subject) ?? 'unknown';
  const ingressSeq = m.seq;
  const receivedAtMs = Math.floor(m.info.timestampNanos / 1e6);
  const sha = envelopeSha256(m.data);
  const progress: CheckProgress = { signalId: '' };
  const base = { agencyId, envelopeSha256: sha, receivedAtMs, ingressSeq };
  let receipt: ReceiptInput;
  try {
    const accept = m.subject.startsWith('samenhang.consent.') ? acceptConsent : acceptSignal;
    receipt = { ...base, ...(await accept(m, agencyId, sha, receivedAtMs, progress, d)) };
  } catch (e) {
    const action = failureAction(e, m.info.redeliveryCount, d.maxInternalRetries);
    if (action.kind === 'reject') {
      receipt = {
        ...base,
        signalId: progress.signalId,
        status: 'REJECTED',
        code: action.error.code,
        reason: action.error.message,
      };
    } else if (action.kind === 'internal') {
      d.log.error({ err: e, ingressSeq, agencyId }, 'ingress message failed repeatedly; rejecting as internal error');
      receipt = {
        ...base,
        signalId: progress.signalId,
        status: 'REJECTED',
        code: 'ERR_INTERNAL',
        reason: 'internal error',
      };
    } else {
      d.log.warn({ err: e, ingressSeq, agencyId, delivery: m.info.redeliveryCount }, 'ingress message will be retried');
      m.nak(action.delayMs);
      return 'RETRY';
    }
  }
  try {
    await publishReceipt(d.js, receipt);
    m.ack();
  } catch (e) {
    d.log.warn({ err: e, ingressSeq, agencyId }, 'receipt not stored; message will be retried');
    m.nak(1000);
    return 'RETRY';
  }
  d.log.info({ ingressSeq, agencyId, status: receipt.status, code: receipt.code }, 'receipt sent');
  return receipt.status;
}

type Accepted = Pick<ReceiptInput, 'signalId' | 'status' | 'reason' | 'originalEnvelopeSha256'>;

/**
 * Claims the id in the signal index, then stores the vault content and publishes the
 * verified form. A redelivery of the same message does that again: the vault writes
 * are the same, and the message id makes the publish a no-op.
 */
async function claimAndPublish(
  key: string,
  entry: IndexEntry,
  d: IngressDeps,
  publish: () => Promise<void>,
): Promise<Accepted> {
  const { signalId: id, envelopeSha256: sha } = entry;
  const claim = await d.index.claim(key, entry);
  if (claim.kind === 'duplicate') {
    // An agency that re-publishes an envelope after JetStream's duplicate window (or after a
    // node that forgot its message ids took over) learns that these very bytes hold the id,
    // i.e. that its first publish was accepted, not that another envelope was.
    const original = (await d.index.lookup(key))?.envelopeSha256 ?? '';
    const same = original === sha;
    return {
      signalId: id,
      status: 'DUPLICATE',
      reason: same ? 'this envelope was received before and holds this id' : 'this agency already sent this id',
      originalEnvelopeSha256: original,
    };
  }
  if (claim.entry.state !== 'published') await publish();
  return { signalId: id, status: 'ACCEPTED', reason: 'accepted' };
}

async function acceptSignal(
  m: JsMsg,
  agencyId: string,
  sha: string,
  receivedAtMs: number,
  progress: CheckProgress,
  d: IngressDeps,
): Promise<Accepted> {
  const checked = await checkSignal(m.data, agencyId, receivedAtMs, d.check, progress);
  const s = checked.signal;
  let withdrawnSubjectPseudonym = '';
  if (s.withdrawsSignalId !== '') {
    const entry = await d.index.lookup(signalKey(agencyId, s.withdrawsSignalId));
    const withdrawn = await claimState(entry, d.ingressHolds);
    withdrawnSubjectPseudonym = entry?.subjectPseudonym ?? '';
    if (withdrawn === 'unknown')
      throw new SamenhangError('ERR_WITHDRAW_UNKNOWN', 'withdrawsSignalId names no accepted signal of this agency', {
        path: '/withdrawsSignalId',
      });
    // A withdrawal never overtakes its signal on SIGNALS: wait until that one is published.
    if (withdrawn === 'in-flight')
      throw new SamenhangError('ERR_TRANSIENT', 'the withdrawn signal is still being accepted');
  }
  const key = signalKey(agencyId, s.signalId);
  const subjectPseudonym = d.pseudonyms.person(s.subject!.bsn!);
  return claimAndPublish(
    key,
    { signalId: s.signalId, ingressSeq: m.seq, envelopeSha256: sha, subjectPseudonym },
    d,
    async () => {
      const meta = {
        vaultRef: key,
        envelopeSha256: sha,
        receivedAt: toTimestamp(receivedAtMs),
        ingressSeq: m.seq,
        subjectPseudonym,
        withdrawnSubjectPseudonym,
      };
      const verified = await pseudonymise(checked, meta, d.pseudonyms, d.vault);
      // The message id makes a republish after a crash a no-op within the dedup window.
      await d.js.publish(subjects.signals(s.region), v1.VerifiedSignal.encode(verified).finish(), {
        msgID: `${agencyId}.${s.signalId}`,
      });
    },
  );
}

async function acceptConsent(
  m: JsMsg,
  agencyId: string,
  sha: string,
  receivedAtMs: number,
  progress: CheckProgress,
  d: IngressDeps,
): Promise<Accepted> {
  const { consent } = await checkConsent(m.data, agencyId, receivedAtMs, d.check, progress);
  return claimAndPublish(
    signalKey(agencyId, `consent:${consent.consentId}`),
    { signalId: consent.consentId, ingressSeq: m.seq, envelopeSha256: sha },
    d,
    async () => {
      const verified = v1.VerifiedConsent.encode({
        consentId: consent.consentId,
        agencyId,
        subjectPseudonym: d.pseudonyms.person(consent.bsn),
        purpose: consent.purpose,
        scope: consent.scope,
        status: consent.status,
        recordedAt: consent.recordedAt ?? toTimestamp(receivedAtMs),
        envelopeSha256: sha,
        receivedAt: toTimestamp(receivedAtMs),
        ingressSeq: m.seq,
      }).finish();
      await d.js.publish(subjects.consents(agencyId), verified, { msgID: `consent.${agencyId}.${consent.consentId}` });
    },
  );
}
