import type { SamenhangError } from '@samenhang/errors';
import { isTransientNatsError } from '@samenhang/stack';
import { isPermanent } from './revocation-watch.js';

export type FailureAction =
  | { readonly kind: 'reject'; readonly error: SamenhangError }
  | { readonly kind: 'internal' }
  | { readonly kind: 'retry'; readonly delayMs: number };

/**
 * What the gateway does when handling an ingress message threw. A SamenhangError is
 * the envelope's fault: reject it with its code. NATS being briefly unavailable (a
 * stream electing a leader answers 503 for seconds) is retried for as long as it
 * lasts: the envelope is safe in INGRESS, and rejecting it would lose a valid signal.
 * Anything else is a bug; after `maxInternalRetries` deliveries it becomes ERR_INTERNAL
 * so one poisoned message cannot circle for ever.
 */
export function failureAction(e: unknown, delivery: number, maxInternalRetries: number): FailureAction {
  if (isPermanent(e)) return { kind: 'reject', error: e };
  const transient = isTransientNatsError(e);
  if (!transient && delivery >= maxInternalRetries) return { kind: 'internal' };
  return { kind: 'retry', delayMs: Math.min(5000, 250 * delivery) };
}
