import { SamenhangError } from '@samenhang/errors';
import { CONSENT_TYP } from '@samenhang/envelope';
import { consentAuthorityOf, type Participant } from '@samenhang/pki';
import { decodeKeepingUnknowns, v1 } from '@samenhang/proto';
import { assertStrict, validateConsent } from '@samenhang/signal';
import { verifySigned, type CheckProgress, type SignedCheckContext } from './verify-signed.js';

export interface CheckedConsent {
  readonly consent: v1.ConsentRecord;
  readonly agency: Participant;
}

/** A ConsentRecord on samenhang.consent.<agency>: the same envelope checks, then its content. */
export async function checkConsent(
  bytes: Uint8Array,
  subjectAgency: string,
  now: number,
  ctx: SignedCheckContext,
  progress: CheckProgress,
): Promise<CheckedConsent> {
  const { payload, agency } = await verifySigned(bytes, subjectAgency, now, CONSENT_TYP, ctx);
  let consent: v1.ConsentRecord;
  try {
    // Unknown fields are kept, not dropped, so that assertStrict below can refuse them.
    consent = decodeKeepingUnknowns(v1.ConsentRecord.decode, payload);
  } catch (cause) {
    throw new SamenhangError('ERR_SIGNAL_MALFORMED', 'payload is not a ConsentRecord', { cause });
  }
  progress.signalId = consent.consentId.slice(0, 128);
  if (consent.agencyId !== agency.id) {
    throw new SamenhangError('ERR_AGENCY_MISMATCH', 'agencyId is not the signing agency', { path: '/agencyId' });
  }
  assertStrict(consent);
  const participants = ctx.registry.participants
    .filter((p) => p.kind !== 'PRIVACY_OFFICER' && p.kind !== 'OPERATOR' && p.kind !== 'PROGRAMME_OFFICE')
    .map((p) => p.id);
  validateConsent(consent, { now, participants, mayCover: consentAuthorityOf(agency), limits: ctx.limits });
  return { consent, agency };
}
