import type { JsMsg } from 'nats';
import { v1 } from '@samenhang/proto';
import { handleConsent } from './deciding/handle-consent.js';
import { handleHuman } from './deciding/handle-human.js';
import { handleSignal } from './deciding/handle-signal.js';
import { handleWithdrawal } from './deciding/handle-withdrawal.js';
import type { ConsentDeps } from './deps.js';

/**
 * One message of the SIGNALS stream: a consent, a person's decision, a withdrawal or a signal. It is
 * acknowledged only after its decision, picture and alerts are stored and sent; any
 * failure leaves it for redelivery, and the handlers are idempotent, so a redelivery is
 * harmless. Its stream sequence is its claim: the alert versions its handling records,
 * this or a later delivery of it sends (@samenhang/family, versions.ts).
 */
export async function handleMessage(m: JsMsg, d: ConsentDeps): Promise<void> {
  const h = { now: Math.floor(m.info.timestampNanos / 1e6), claim: m.seq };
  let message: Decoded;
  try {
    message = decode(m);
  } catch (e) {
    // Not readable now, not readable on any redelivery: it stays in the stream (deny delete)
    // for an operator to find by its sequence, and stops being delivered.
    d.log.error({ err: e, seq: m.seq, subject: m.subject }, 'unreadable message: not handled');
    m.term();
    return;
  }
  try {
    if (message.kind === 'consent') await handleConsent(message.consent, h, d);
    else if (message.kind === 'human') await handleHuman(message.decision, message.region, h, d);
    else if (message.signal.withdrawsSignalId !== '') await handleWithdrawal(message.signal, h, d);
    else await handleSignal(message.signal, h, d);
    m.ack();
  } catch (e) {
    d.log.warn({ err: e, seq: m.seq, delivery: m.info.redeliveryCount }, 'signal will be retried');
    m.nak(Math.min(5000, 200 * m.info.redeliveryCount));
  }
}

type Decoded =
  | { kind: 'consent'; consent: v1.VerifiedConsent }
  | { kind: 'human'; decision: v1.HumanDecision; region: string }
  | { kind: 'signal'; signal: v1.VerifiedSignal };

function decode(m: JsMsg): Decoded {
  const [, kind, token] = m.subject.split('.');
  if (kind === 'consents') return { kind: 'consent', consent: v1.VerifiedConsent.decode(m.data) };
  if (kind === 'human') return { kind: 'human', decision: v1.HumanDecision.decode(m.data), region: token ?? '' };
  return { kind: 'signal', signal: v1.VerifiedSignal.decode(m.data) };
}
