import { SamenhangError } from '@samenhang/errors';
import { fromTimestamp, toTimestamp, v1 } from '@samenhang/proto';
import { isValidBsn } from './bsn.js';
import { enumValueOf } from './enums.js';
import { DEFAULT_LIMITS, type SignalLimits } from './limits.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function bad(
  path: string,
  what: string,
  code: 'ERR_SIGNAL_INVALID' | 'ERR_BSN_INVALID' | 'ERR_TIMESTAMP_INVALID' | 'ERR_CONSENT_SCOPE' = 'ERR_SIGNAL_INVALID',
): never {
  throw new SamenhangError(code, `${path} ${what}`, { path });
}

/**
 * Checks a decoded ConsentRecord: id, BSN 11-test, purpose, scope of known agencies the
 * registering agency may answer for (`mayCover`: its own id, and what the registry grants
 * it beyond that), status, time.
 */
export function validateConsent(
  c: v1.ConsentRecord,
  ctx: { now: number; participants: readonly string[]; mayCover: readonly string[]; limits?: SignalLimits },
): void {
  const limits = ctx.limits ?? DEFAULT_LIMITS;
  if (!ID.test(c.consentId)) bad('/consentId', 'is required: 1-128 characters of A-Z a-z 0-9 . _ : -');
  if (!isValidBsn(c.bsn)) bad('/bsn', 'is not a valid BSN (nine digits passing the 11-test)', 'ERR_BSN_INVALID');
  if (c.purpose !== v1.Purpose.PURPOSE_SAFETY_ASSESSMENT) bad('/purpose', 'must be SAFETY_ASSESSMENT');
  if (c.scope.length === 0) bad('/scope', 'must name at least one agency');
  c.scope.forEach((a, i) => {
    if (!ctx.participants.includes(a)) bad(`/scope/${i}`, 'is not a participating agency');
    // A consent or objection binds only the signals its registrant answers for: otherwise one
    // agency could release, or hold, another's signals about a stranger.
    if (!ctx.mayCover.includes(a))
      bad(
        `/scope/${i}`,
        'names an agency whose signals the registering agency may not answer for',
        'ERR_CONSENT_SCOPE',
      );
  });
  if (!Object.values(v1.ConsentStatus).includes(c.status) || c.status === v1.ConsentStatus.CONSENT_STATUS_UNSPECIFIED)
    bad('/status', 'is required and must be GIVEN, WITHDRAWN or OBJECTION');
  const at = fromTimestamp(c.recordedAt);
  if (at !== undefined && at > ctx.now + limits.maxClockSkewMs)
    bad('/recordedAt', 'is in the future', 'ERR_TIMESTAMP_INVALID');
  if (at !== undefined && at < ctx.now - limits.maxObservationAgeMs)
    bad('/recordedAt', 'is too far in the past', 'ERR_TIMESTAMP_INVALID');
}

/** JSON of `samenhang consent` (ConsentRecord in camelCase) → ConsentRecord properties; types only. */
export function consentFromJson(input: unknown): v1.ConsentRecord.$Properties {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new SamenhangError('ERR_INPUT_INVALID', '/ must be an object', { path: '/' });
  }
  const o = input as Record<string, unknown>;
  const keys = ['consentId', 'agencyId', 'bsn', 'purpose', 'scope', 'status', 'recordedAt'];
  const extra = Object.keys(o).find((k) => !keys.includes(k));
  if (extra) throw new SamenhangError('ERR_INPUT_INVALID', `/${extra} is not a known field`, { path: `/${extra}` });
  const str = (k: string) => {
    const v = o[k];
    if (v !== undefined && typeof v !== 'string')
      throw new SamenhangError('ERR_INPUT_INVALID', `/${k} must be a string`, { path: `/${k}` });
    return (v as string | undefined) ?? '';
  };
  const enm = (k: string, kind: 'purpose' | 'consentStatus') => {
    const name = str(k);
    if (name === '') return 0;
    const v = enumValueOf(kind, name);
    if (v === undefined)
      throw new SamenhangError('ERR_INPUT_INVALID', `/${k} is not a known ${kind}`, { path: `/${k}` });
    return v;
  };
  const scope = o.scope ?? [];
  if (!Array.isArray(scope) || scope.some((s) => typeof s !== 'string'))
    throw new SamenhangError('ERR_INPUT_INVALID', '/scope must be an array of agency ids', { path: '/scope' });
  const recorded = str('recordedAt');
  const ms = recorded === '' ? undefined : Date.parse(recorded);
  if (ms !== undefined && Number.isNaN(ms))
    throw new SamenhangError('ERR_INPUT_INVALID', '/recordedAt must be an ISO 8601 date-time', { path: '/recordedAt' });
  return {
    consentId: str('consentId'),
    agencyId: str('agencyId'),
    bsn: str('bsn'),
    purpose: enm('purpose', 'purpose'),
    scope: scope as string[],
    status: enm('status', 'consentStatus'),
    recordedAt: ms === undefined ? null : toTimestamp(ms),
  };
}
