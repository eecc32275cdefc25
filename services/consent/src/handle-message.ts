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
  try {
    if (m.subject.startsWith('samenhang.consents.')) await handleConsent(v1.VerifiedConsent.decode(m.data), h, d);
    else if (m.subject.startsWith('samenhang.human.'))
      await handleHuman(v1.HumanDecision.decode(m.data), m.subject.split('.')[2]!, h, d);
    else {
      const s = v1.VerifiedSignal.decode(m.data);
      if (s.withdrawsSignalId !== '') await handleWithdrawal(s, h, d);
      else await handleSignal(s, h, d);
    }
    m.ack();
  } catch (e) {
    d.log.warn({ err: e, seq: m.seq, delivery: m.info.redeliveryCount }, 'signal will be retried');
    m.nak(Math.min(5000, 200 * m.info.redeliveryCount));
  }
}
