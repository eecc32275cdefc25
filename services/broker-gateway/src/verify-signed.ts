import { SamenhangError } from '@samenhang/errors';
import { verifyEnvelope, type EnvelopeTyp } from '@samenhang/envelope';
import type { CertStore, Participant, Registry } from '@samenhang/pki';
import type { RegionTable, SignalLimits } from '@samenhang/signal';

export interface SignedCheckContext {
  readonly certs: CertStore;
  readonly registry: Registry;
  readonly regions: RegionTable;
  readonly isRevoked: (kid: string) => boolean;
  readonly maxEnvelopeBytes: number;
  readonly limits: SignalLimits;
}

/** Partial knowledge for the receipt when a check fails after decoding. */
export interface CheckProgress {
  signalId: string;
}

/**
 * The envelope and its signature (verifyEnvelope), then the first half of the
 * agency binding: the signer is a participant and the agency of the ingress subject.
 */
export async function verifySigned(
  bytes: Uint8Array,
  subjectAgency: string,
  now: number,
  typ: EnvelopeTyp,
  ctx: SignedCheckContext,
): Promise<{ payload: Uint8Array; agency: Participant; signerKid: string }> {
  const env = await verifyEnvelope(bytes, {
    certs: ctx.certs,
    isRevoked: ctx.isRevoked,
    now,
    maxEnvelopeBytes: ctx.maxEnvelopeBytes,
    typ,
  });
  const agency = env.signer.participant;
  if (env.signer.type !== 'participant' || env.signer.id !== subjectAgency || !agency) {
    throw new SamenhangError('ERR_AGENCY_MISMATCH', 'the signer is not the agency of this ingress subject');
  }
  return { payload: env.payload, agency, signerKid: env.header.kid };
}
