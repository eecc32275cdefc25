import type { JetStreamClient } from 'nats';
import { toTimestamp, v1 } from '@samenhang/proto';
import { subjects } from '@samenhang/topology';

export interface ReceiptInput {
  readonly agencyId: string;
  readonly signalId: string;
  readonly status: 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';
  readonly code?: string;
  readonly reason: string;
  readonly envelopeSha256: string;
  /** On DUPLICATE: the envelope that claimed the id first (this one's own hash when it is these bytes again). */
  readonly originalEnvelopeSha256?: string;
  readonly receivedAtMs: number;
  readonly ingressSeq: number;
}

const STATUS = {
  ACCEPTED: v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
  DUPLICATE: v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE,
  REJECTED: v1.ReceiptStatus.RECEIPT_STATUS_REJECTED,
};

/**
 * Publishes the one receipt for an ingress message. The message id is derived from
 * the ingress sequence, so a redelivered message can never produce a second receipt.
 */
export async function publishReceipt(js: JetStreamClient, r: ReceiptInput): Promise<void> {
  const bytes = v1.Receipt.encode({
    signalId: r.signalId,
    agencyId: r.agencyId,
    status: STATUS[r.status],
    code: r.code ?? '',
    reason: r.reason,
    envelopeSha256: r.envelopeSha256,
    receivedAt: toTimestamp(r.receivedAtMs),
    originalEnvelopeSha256: r.originalEnvelopeSha256 ?? '',
  }).finish();
  await js.publish(subjects.receipts(r.agencyId), bytes, { msgID: `rcpt.${r.ingressSeq}` });
}
