import { SamenhangError } from '@samenhang/errors';
import { isTransientNatsError } from '@samenhang/stack';

/** An infrastructure failure of our own (an unverifiable revocation list): retry, send no receipt yet. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

export type FailureAction =
  | { readonly kind: 'reject'; readonly error: SamenhangError }
  | { readonly kind: 'internal' }
  | { readonly kind: 'retry'; readonly delayMs: number };

/**
 * What the gateway does when handling an ingress message threw. A SamenhangError is
 * the envelope's fault: reject it with its code. NATS being briefly unavailable (a
 * stream electing a leader answers 503 for seconds), or a TransientError, is retried
 * for as long as it lasts: the envelope is safe in INGRESS, and rejecting it would lose
 * a valid signal.
 * Anything else is a bug; after `maxInternalRetries` deliveries it becomes ERR_INTERNAL
 * so one poisoned message cannot circle for ever.
 */
export function failureAction(e: unknown, delivery: number, maxInternalRetries: number): FailureAction {
  if (e instanceof SamenhangError) return { kind: 'reject', error: e };
  const transient = e instanceof TransientError || isTransientNatsError(e);
  if (!transient && delivery >= maxInternalRetries) return { kind: 'internal' };
  return { kind: 'retry', delayMs: Math.min(5000, 250 * delivery) };
}
