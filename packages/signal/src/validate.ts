import { SamenhangError, type ErrorCode } from '@samenhang/errors';
import { fromTimestamp, type v1 } from '@samenhang/proto';
import { isValidBsn } from './bsn.js';
import { DEFAULT_LIMITS, type SignalLimits } from './limits.js';
import type { RegionTable } from './region-table.js';

export interface ValidationContext {
  readonly now: number;
  /** Regions the publishing agency may report about. */
  readonly allowedRegions: readonly string[] | 'all';
  readonly knownRegions: readonly string[];
  /** Which region is responsible for an address (region-table.ts). */
  readonly regions: RegionTable;
  readonly limits?: SignalLimits;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const POSTCODE = /^[1-9][0-9]{3}[A-Z]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9 ()-]{6,40}$/;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,190}$/;

function bad(path: string, what: string, code: ErrorCode = 'ERR_SIGNAL_INVALID'): never {
  // The message names the field, never its value: values may be personal data.
  throw new SamenhangError(code, `${path} ${what}`, { path });
}

function text(value: string | null | undefined, path: string, max: number, required = true): void {
  const v = value ?? '';
  if (v.length === 0) {
    if (required) bad(path, 'is required');
    return;
  }
  if ([...v].length > max) bad(path, `is longer than ${max} characters`);
  if (hasControlCharacter(v)) bad(path, 'contains control characters');
}

/** A C0 control character (U+0000 to U+001F) other than tab, line feed and carriage return. */
function hasControlCharacter(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

function person(p: v1.Person.$Properties | null | undefined, path: string, now: number): void {
  if (!p) bad(path, 'is required');
  if (!isValidBsn(p.bsn ?? ''))
    bad(`${path}/bsn`, 'is not a valid BSN (nine digits passing the 11-test)', 'ERR_BSN_INVALID');
  text(p.name, `${path}/name`, 200);
  const birth = p.birthDate ?? '';
  if (birth !== '') {
    const ms = Date.parse(`${birth}T00:00:00Z`);
    if (!DATE.test(birth) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== birth)
      bad(`${path}/birthDate`, 'must be a date YYYY-MM-DD');
    if (ms > now) bad(`${path}/birthDate`, 'is in the future', 'ERR_TIMESTAMP_INVALID');
  }
}

function enumSet(value: number | null | undefined, path: string, known: object): void {
  if (!value || !Object.values(known).includes(value)) bad(path, 'is required and must be a known value');
}

/**
 * Checks a decoded Signal against the wire contract (docs/wire-contract.md): required fields,
 * enums, BSN 11-test, region allowed for the agency, timestamps and length bounds.
 * Throws a SamenhangError whose `path` names the first failing field.
 */
export function validateSignal(
  s: v1.Signal,
  ctx: ValidationContext,
  enums: { category: object; severity: object; legalGround: object; relation: object },
): void {
  const limits = ctx.limits ?? DEFAULT_LIMITS;
  if (!ID.test(s.signalId)) bad('/signalId', 'is required: 1-128 characters of A-Z a-z 0-9 . _ : -');
  if (
    !ctx.knownRegions.includes(s.region) ||
    (ctx.allowedRegions !== 'all' && !ctx.allowedRegions.includes(s.region))
  ) {
    bad('/region', 'is not a region this agency may report about', 'ERR_REGION_NOT_ALLOWED');
  }
  person(s.subject, '/subject', ctx.now);
  if (s.relatedPersons.length > limits.maxRelatedPersons)
    bad('/relatedPersons', `has more than ${limits.maxRelatedPersons} entries`);
  s.relatedPersons.forEach((r, i) => {
    person(r.person, `/relatedPersons/${i}/person`, ctx.now);
    enumSet(r.relation, `/relatedPersons/${i}/relation`, enums.relation);
    if (r.person?.bsn === s.subject?.bsn) bad(`/relatedPersons/${i}/person/bsn`, 'is the subject itself');
    if (r.person?.confidentialAddress)
      bad(
        `/relatedPersons/${i}/person/confidentialAddress`,
        "applies to the subject only: a signal carries the subject's address",
      );
  });
  if (!s.address) bad('/address', 'is required');
  if (!POSTCODE.test(s.address.postcode ?? '')) bad('/address/postcode', 'must be a Dutch postcode like 1234AB');
  if (!s.address.houseNumber || s.address.houseNumber > 99999) bad('/address/houseNumber', 'must be 1-99999');
  // The region comes from the address: an alert must reach the RVT responsible for the family,
  // whatever region the sender named. A wrong claim is refused (not silently rerouted), so the
  // sender learns it and its own records stay true; the reason names the responsible region.
  const responsible = ctx.regions.regionOf(s.address.postcode!);
  if (!responsible) bad('/address/postcode', 'lies in no region this broker serves', 'ERR_REGION_UNKNOWN');
  if (responsible !== s.region)
    bad('/region', `does not match the address, which lies in region ${responsible}`, 'ERR_REGION_MISMATCH');
  text(s.address.houseNumberSuffix, '/address/houseNumberSuffix', 10, false);
  enumSet(s.category, '/category', enums.category);
  enumSet(s.severity, '/severity', enums.severity);
  enumSet(s.legalGround, '/legalGround', enums.legalGround);
  text(s.summary, '/summary', limits.maxSummaryChars);

  const observed = fromTimestamp(s.observedAt);
  if (observed === undefined) bad('/observedAt', 'is required');
  if (observed > ctx.now + limits.maxClockSkewMs) bad('/observedAt', 'is in the future', 'ERR_TIMESTAMP_INVALID');
  if (observed < ctx.now - limits.maxObservationAgeMs)
    bad('/observedAt', 'is too far in the past', 'ERR_TIMESTAMP_INVALID');
  const expires = fromTimestamp(s.expiresAt);
  if (expires !== undefined && expires <= observed)
    bad('/expiresAt', 'must be after observedAt', 'ERR_TIMESTAMP_INVALID');

  if (!s.contact) bad('/contact', 'is required');
  text(s.contact.name, '/contact/name', 200);
  if (!s.contact.phone && !s.contact.email) bad('/contact', 'needs a phone number or an e-mail address');
  if (s.contact.phone && !PHONE.test(s.contact.phone)) bad('/contact/phone', 'is not a phone number');
  if (s.contact.email && !EMAIL.test(s.contact.email)) bad('/contact/email', 'is not an e-mail address');
  // Who reported it: optional, and when named, named as a contact is (sealed; never disclosed).
  if (s.reporter) {
    text(s.reporter.name, '/reporter/name', 200);
    if (s.reporter.phone && !PHONE.test(s.reporter.phone)) bad('/reporter/phone', 'is not a phone number');
    if (s.reporter.email && !EMAIL.test(s.reporter.email)) bad('/reporter/email', 'is not an e-mail address');
  }
  if (s.withdrawsSignalId !== '') {
    if (!ID.test(s.withdrawsSignalId)) bad('/withdrawsSignalId', 'is not a signal id');
    if (s.withdrawsSignalId === s.signalId) bad('/withdrawsSignalId', 'cannot withdraw itself');
  }
}
