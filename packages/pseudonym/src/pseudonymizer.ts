import { createHmac, hkdfSync } from 'node:crypto';
import { SamenhangError } from '@samenhang/errors';

export interface AddressInput {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly houseNumberSuffix?: string | null;
}

export interface Pseudonymizer {
  /** Stable pseudonym of a person (BSN): same BSN, same key → same pseudonym. */
  person(bsn: string): string;
  /** Address key: the same dwelling, however written, gives the same key. */
  household(address: AddressInput): string;
}

const SALT = Buffer.from('samenhang/v1');

/** A purpose key derived from the broker master secret, so each use has its own key. */
function purposeKey(master: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, SALT, `samenhang/v1/pseudonym/${purpose}`, 32));
}

export function normaliseAddress(a: AddressInput): string {
  const postcode = a.postcode.replace(/\s+/g, '').toUpperCase();
  const suffix = (a.houseNumberSuffix ?? '').replace(/[\s-]+/g, '').toUpperCase();
  return `${postcode}|${a.houseNumber}|${suffix}`;
}

/**
 * Keyed pseudonyms (HMAC-SHA256). Without the broker's master secret a pseudonym
 * cannot be linked back to a BSN, not even by trying all ~10^9 BSNs.
 */
export function createPseudonymizer(master: Uint8Array): Pseudonymizer {
  if (master.length < 32)
    throw new SamenhangError('ERR_VAULT_KEY_MISSING', 'pseudonym master secret must be at least 32 bytes');
  const personKey = purposeKey(master, 'person');
  const householdKey = purposeKey(master, 'household');
  const mac = (key: Buffer, value: string) => createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  return Object.freeze({
    person: (bsn: string) => `p_${mac(personKey, bsn)}`,
    household: (address: AddressInput) => `h_${mac(householdKey, normaliseAddress(address))}`,
  });
}
