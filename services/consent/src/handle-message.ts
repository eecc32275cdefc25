import type { JsMsg } from 'nats';
import { v1 } from '@samenhang/proto';
import type { ConsentDeps } from './deps.js';
import { handleConsent } from './handle-consent.js';
import { handleSignal } from './handle-signal.js';

/**
 * One message of the SIGNALS stream. It is acknowledged only after its decision,
 * picture and alerts are stored and sent; any failure leaves it for redelivery, and the
 * handlers are idempotent, so a redelivery is harmless. Its stream sequence is its claim:
 * the alert versions its handling records, this or a later delivery of it sends.
 */
export async function handleMessage(m: JsMsg, d: ConsentDeps): Promise<void> {
  const h = { now: Math.floor(m.info.timestampNanos / 1e6), claim: m.seq };
  try {
    if (m.subject.startsWith('samenhang.consents.')) await handleConsent(v1.VerifiedConsent.decode(m.data), h, d);
    else await handleSignal(v1.VerifiedSignal.decode(m.data), h, d);
    m.ack();
  } catch (e) {
    d.log.warn({ err: e, seq: m.seq, delivery: m.info.redeliveryCount }, 'signal will be retried');
    m.nak(Math.min(5000, 200 * m.info.redeliveryCount));
  }
}
