import type { JetStreamManager } from 'nats';
import { STREAMS } from '@samenhang/topology';
import type { IndexEntry } from './signal-index.js';

/** Where a claimed signal stands, for a withdrawal naming it. */
export type ClaimState = 'published' | 'in-flight' | 'unknown';

/**
 * A claimed signal is published once its ingress message is gone from INGRESS: the
 * work queue drops a message only when the gateway acknowledges it, which it does
 * after the signal is on SIGNALS (or, after repeated internal errors, rejected: a
 * withdrawal of it is then harmless, the consent service never placed it). While the
 * message is still there, the signal may not be on SIGNALS yet, and a withdrawal must
 * not overtake it: the caller retries later.
 */
export async function claimState(
  entry: IndexEntry | undefined,
  ingressHolds: (seq: number) => Promise<boolean>,
): Promise<ClaimState> {
  if (!entry) return 'unknown';
  if (entry.state === 'published') return 'published';
  return (await ingressHolds(entry.ingressSeq)) ? 'in-flight' : 'published';
}

/** Whether INGRESS still holds the message at `seq` (not yet acknowledged). */
export async function ingressHolds(jsm: JetStreamManager, seq: number): Promise<boolean> {
  try {
    await jsm.streams.getMessage(STREAMS.INGRESS, { seq });
    return true;
  } catch (e) {
    if ((e as { api_error?: { err_code?: number } }).api_error?.err_code === NO_MESSAGE_FOUND) return false;
    throw e; // NATS unavailable: the withdrawal is retried (failure-policy.ts)
  }
}

/** JetStream's "no message found" (nats-server errors.json, JSNoMessageFoundErr). */
const NO_MESSAGE_FOUND = 10037;
