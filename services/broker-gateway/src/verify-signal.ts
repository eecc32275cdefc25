import { SamenhangError } from '@samenhang/errors';
import { SIGNAL_TYP } from '@samenhang/envelope';
import type { Participant } from '@samenhang/pki';
import { decodeKeepingUnknowns, v1 } from '@samenhang/proto';
import { assertStrict, validateSignal } from '@samenhang/signal';
import { verifySigned, type CheckProgress, type SignedCheckContext } from './verify-signed.js';

export type { CheckProgress } from './verify-signed.js';
export type SignalCheckContext = SignedCheckContext;

export interface CheckedSignal {
  readonly signal: v1.Signal;
  readonly agency: Participant;
  readonly signerKid: string;
}

/**
 * Everything the gateway checks before it trusts a signal, in order: the envelope
 * and its signature, the agency binding — ingress subject = certificate identity =
 * agency_id — then the signal's content. `now` is the time JetStream stored the
 * message, so a redelivery decides alike.
 */
export async function checkSignal(
  bytes: Uint8Array,
  subjectAgency: string,
  now: number,
  ctx: SignedCheckContext,
  progress: CheckProgress,
): Promise<CheckedSignal> {
  const { payload, agency, signerKid } = await verifySigned(bytes, subjectAgency, now, SIGNAL_TYP, ctx);
  let signal: v1.Signal;
  try {
    // Unknown fields are kept, not dropped, so that assertStrict below can refuse them.
    signal = decodeKeepingUnknowns(v1.Signal.decode, payload);
  } catch (cause) {
    throw new SamenhangError('ERR_SIGNAL_MALFORMED', 'payload is not a Signal', { cause });
  }
  progress.signalId = signal.signalId.slice(0, 128);
  if (signal.agencyId !== agency.id) {
    throw new SamenhangError('ERR_AGENCY_MISMATCH', 'agencyId is not the signing agency', { path: '/agencyId' });
  }
  assertStrict(signal);
  validateSignal(signal, {
    now,
    allowedRegions: agency.regions,
    knownRegions: ctx.registry.regions,
    regions: ctx.regions,
    limits: ctx.limits,
  });
  return { signal, agency, signerKid };
}
