import { SamenhangError } from '@samenhang/errors';
import { SIGNAL_TYP, verifyEnvelope } from '@samenhang/envelope';
import type { CertStore, Participant, Registry } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import { validateSignal, type SignalLimits } from '@samenhang/signal';

export interface SignalCheckContext {
  readonly certs: CertStore;
  readonly registry: Registry;
  readonly isRevoked: (kid: string) => boolean;
  readonly maxEnvelopeBytes: number;
  readonly limits: SignalLimits;
}

export interface CheckedSignal {
  readonly signal: v1.Signal;
  readonly agency: Participant;
  readonly signerKid: string;
}

/** Partial knowledge for the receipt when a check fails after decoding. */
export interface CheckProgress {
  signalId: string;
}

/**
 * Everything the gateway checks before it trusts a signal, in order: the envelope
 * and its signature (verifyEnvelope), then the agency binding — ingress subject =
 * certificate identity = agency_id — then the signal's content.
 * `now` is the time JetStream stored the message, so a redelivery decides alike.
 */
export async function checkSignal(
  bytes: Uint8Array,
  subjectAgency: string,
  now: number,
  ctx: SignalCheckContext,
  progress: CheckProgress,
): Promise<CheckedSignal> {
  const env = await verifyEnvelope(bytes, { certs: ctx.certs, isRevoked: ctx.isRevoked, now, maxEnvelopeBytes: ctx.maxEnvelopeBytes, typ: SIGNAL_TYP });
  const agency = env.signer.participant;
  if (env.signer.type !== 'participant' || env.signer.id !== subjectAgency || !agency) {
    throw new SamenhangError('ERR_AGENCY_MISMATCH', 'the signer is not the agency of this ingress subject');
  }
  let signal: v1.Signal;
  try {
    signal = v1.Signal.decode(env.payload);
  } catch (cause) {
    throw new SamenhangError('ERR_SIGNAL_MALFORMED', 'payload is not a Signal', { cause });
  }
  progress.signalId = signal.signalId.slice(0, 128);
  if (signal.agencyId !== agency.id) {
    throw new SamenhangError('ERR_AGENCY_MISMATCH', 'agencyId is not the signing agency', { path: '/agencyId' });
  }
  validateSignal(signal, { now, allowedRegions: agency.regions, knownRegions: ctx.registry.regions, limits: ctx.limits });
  return { signal, agency, signerKid: env.header.kid };
}
