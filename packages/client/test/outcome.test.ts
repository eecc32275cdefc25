import { describe, expect, it } from 'vitest';
import { v1 } from '@samenhang/proto';
import { outcomeOf } from '../src/agency-client.js';

const S = v1.ReceiptStatus;
const receipt = (status: v1.ReceiptStatus, envelopeSha256: string, originalEnvelopeSha256 = '') =>
  v1.Receipt.create({
    signalId: 's-1',
    agencyId: 'lokaalteam-ede',
    status,
    reason: 'r',
    envelopeSha256,
    originalEnvelopeSha256,
  });

describe('outcomeOf: what a receipt says about the envelope published', () => {
  it('reads a DUPLICATE naming these very bytes as the acceptance of an earlier copy', () => {
    const o = outcomeOf(receipt(S.RECEIPT_STATUS_DUPLICATE, 'aa', 'aa'));
    expect([o.status, o.signalId, o.envelopeSha256]).toEqual([S.RECEIPT_STATUS_ACCEPTED, 's-1', 'aa']);
  });

  it('keeps a DUPLICATE naming another envelope, or none, and every other receipt, as it is', () => {
    for (const r of [
      receipt(S.RECEIPT_STATUS_DUPLICATE, 'aa', 'bb'),
      receipt(S.RECEIPT_STATUS_DUPLICATE, 'aa'),
      receipt(S.RECEIPT_STATUS_ACCEPTED, 'aa'),
      receipt(S.RECEIPT_STATUS_REJECTED, 'aa'),
    ]) {
      expect(outcomeOf(r)).toBe(r);
    }
  });
});
