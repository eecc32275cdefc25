import { SamenhangError, isSamenhangError } from '@samenhang/errors';
import { isTransientNatsError } from '@samenhang/nats';

export type FailureAction =
  | { readonly kind: 'reject'; readonly error: SamenhangError }
  | { readonly kind: 'internal' }
  | { readonly kind: 'retry'; readonly delayMs: number };

/**
 * What the gateway does when handling an ingress message threw. NATS being briefly
 * unavailable (a stream electing a leader answers 503 for seconds), or ERR_TRANSIENT (an
 * infrastructure failure of our own: an unverifiable revocation list, a withdrawal whose
 * signal is still being accepted), is retried for as long as it lasts: the envelope is
 * safe in INGRESS, and rejecting it would lose a valid signal. Any other SamenhangError is
 * the envelope's fault: reject it with its code.
 * Anything else, ERR_INTERNAL included, is a bug; after `maxInternalRetries` deliveries it
 * becomes ERR_INTERNAL so one poisoned message cannot circle for ever.
 */
export function failureAction(e: unknown, delivery: number, maxInternalRetries: number): FailureAction {
  const transient = isSamenhangError(e, 'ERR_TRANSIENT') || isTransientNatsError(e);
  if (!transient && e instanceof SamenhangError && e.code !== 'ERR_INTERNAL') return { kind: 'reject', error: e };
  if (!transient && delivery >= maxInternalRetries) return { kind: 'internal' };
  return { kind: 'retry', delayMs: Math.min(5000, 250 * delivery) };
}
