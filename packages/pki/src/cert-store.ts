import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate, type KeyObject } from 'node:crypto';
import { SamenhangError } from '@samenhang/errors';
import { certificateKid, certificateUris, parseIdentityUri, type IdentityType } from './identity.js';
import type { Participant, Registry } from './registry.js';

export type KeyType = 'rsa' | 'ec-p256';

export interface IssuedIdentity {
  readonly kid: string;
  readonly id: string;
  readonly type: IdentityType;
  /** The registry entry, for participants still in the registry. */
  readonly participant: Participant | undefined;
  readonly publicKey: KeyObject;
  readonly keyType: KeyType;
  readonly notBefore: number;
  readonly notAfter: number;
}

function keyTypeOf(key: KeyObject): KeyType | undefined {
  if (key.asymmetricKeyType === 'rsa') return 'rsa';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ec-p256';
  return undefined;
}

/**
 * Every certificate the broker's CA issued, indexed by kid. Only certificates that
 * chain to the CA and name a registry identity are kept: a kid is known only if
 * the broker itself issued it.
 */
export class CertStore {
  private readonly byKid = new Map<string, IssuedIdentity>();

  private constructor(readonly ca: X509Certificate) {}

  static load(caCertFile: string, identitiesDir: string, registry: Registry): CertStore {
    let ca: X509Certificate;
    try {
      ca = new X509Certificate(readFileSync(caCertFile));
    } catch (cause) {
      throw new SamenhangError(
        'ERR_PKI_MISSING',
        `CA certificate ${caCertFile} is missing or unreadable; run 'samenhang certs'`,
        { cause },
      );
    }
    const store = new CertStore(ca);
    let files: string[];
    try {
      files = readdirSync(identitiesDir).filter((f) => f.endsWith('.crt'));
    } catch (cause) {
      throw new SamenhangError(
        'ERR_PKI_MISSING',
        `identity certificates are missing in ${identitiesDir}; run 'samenhang certs'`,
        { cause },
      );
    }
    for (const f of files) store.add(new X509Certificate(readFileSync(join(identitiesDir, f))), registry);
    return store;
  }

  /** Adds a certificate if it chains to the CA and names an identity of this trust domain. */
  add(cert: X509Certificate, registry: Registry): IssuedIdentity | undefined {
    if (!cert.checkIssued(this.ca) || !cert.verify(this.ca.publicKey)) return undefined;
    const name = certificateUris(cert)
      .map(parseIdentityUri)
      .find((u) => u?.trustDomain === registry.trustDomain);
    const keyType = keyTypeOf(cert.publicKey);
    if (!name || !keyType) return undefined;
    const identity: IssuedIdentity = {
      kid: certificateKid(cert),
      id: name.id,
      type: name.type,
      participant: name.type === 'participant' ? registry.participants.find((p) => p.id === name.id) : undefined,
      publicKey: cert.publicKey,
      keyType,
      notBefore: Date.parse(cert.validFrom),
      notAfter: Date.parse(cert.validTo),
    };
    this.byKid.set(identity.kid, identity);
    return identity;
  }

  get(kid: string): IssuedIdentity | undefined {
    return this.byKid.get(kid);
  }

  all(): IssuedIdentity[] {
    return [...this.byKid.values()];
  }

  get size(): number {
    return this.byKid.size;
  }
}
