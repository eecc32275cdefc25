import type { NatsConnection } from 'nats';
import {
  encodeErasureRequest,
  type ErasureRequest,
  type ErasureResult,
  parseErasureResult,
} from '@samenhang/audit-log';
import { subjects } from '@samenhang/topology';

/** Erasing re-derives a family's picture and sends its corrections: seconds, not minutes. */
const TIMEOUT_MS = 60_000;

/**
 * Asks the consent service to erase a person, with the console's own identity (which
 * nats-server lets publish the erasure subject; the route checked the role first). No
 * answer is a failure: what was done stays done, and asking again is safe.
 */
export async function requestErasure(nc: NatsConnection, request: ErasureRequest): Promise<ErasureResult> {
  try {
    const reply = await nc.request(subjects.erasure, encodeErasureRequest(request), { timeout: TIMEOUT_MS });
    return parseErasureResult(reply.data);
  } catch {
    return { ok: false, code: 'ERR_ERASURE_FAILED', message: 'the consent service did not answer; ask again' };
  }
}
