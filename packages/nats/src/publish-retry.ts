import { setTimeout as sleep } from 'node:timers/promises';
import type { JetStreamClient, PubAck } from 'nats';
import { isTransientNatsError } from './transient.js';

export interface RetryingPublishOptions {
  /**
   * The Nats-Msg-Id, the same on every try of one message: a try whose acknowledgement was
   * lost stored the message already, and JetStream drops the next copy within the stream's
   * duplicate window (answering `duplicate` with the stored sequence).
   */
  readonly msgID: string;
  /** When to stop trying (ms since the epoch): the last error is thrown then. */
  readonly deadline: number;
  /** How long one try waits for JetStream's acknowledgement (default 5 s). */
  readonly ackTimeoutMs?: number;
  /** Stop early, e.g. when the connection closed for good and no try can succeed. */
  readonly gaveUp?: () => boolean;
  readonly onRetry?: (error: unknown, attempt: number) => void;
}

/** The wait before try `attempt + 1`: 100 ms doubling to 2 s, with jitter so clients do not retry in step. */
export function publishBackoff(attempt: number): number {
  return Math.min(2000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
}

/**
 * Publishes with JetStream until it acknowledges, as long as the failures say NATS is
 * briefly unavailable (no responders while a stream elects a leader, a timeout, a
 * connection moving to another node: `isTransientNatsError`) and the deadline allows.
 * Any other error — a permission violation, a payload over the limit — is thrown at once.
 */
export async function publishRetrying(
  js: JetStreamClient,
  subject: string,
  data: Uint8Array,
  o: RetryingPublishOptions,
): Promise<PubAck> {
  for (let attempt = 1; ; attempt++) {
    const left = o.deadline - Date.now();
    try {
      return await js.publish(subject, data, {
        msgID: o.msgID,
        timeout: Math.max(250, Math.min(o.ackTimeoutMs ?? 5000, left)),
      });
    } catch (e) {
      const wait = publishBackoff(attempt);
      if (!isTransientNatsError(e) || o.gaveUp?.() || Date.now() + wait >= o.deadline) throw e;
      o.onRetry?.(e, attempt);
      await sleep(wait);
    }
  }
}
