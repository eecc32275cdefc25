import { CompactSign, compactVerify } from 'jose';
import type { KeyObject } from 'node:crypto';
import { SamenhangError } from '@samenhang/errors';

export interface Revocation {
  readonly kid: string;
  readonly id: string;
  readonly revokedAt: string;
  /** 'identity' also removes the identity from nats-server; 'certificate' revokes one key. */
  readonly scope: 'identity' | 'certificate';
}

export interface RevocationList {
  readonly version: 1;
  readonly issuedAt: string;
  readonly revoked: readonly Revocation[];
}

const TYP = 'samenhang-revocations+json';

/** The revocation list is a JWS signed by the CA key, so a tampered list is refused. */
export async function signRevocationList(list: RevocationList, caKey: KeyObject): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(list)))
    .setProtectedHeader({ alg: 'RS256', typ: TYP })
    .sign(caKey);
}

export async function verifyRevocationList(jws: string, caPublicKey: KeyObject): Promise<RevocationList> {
  try {
    const { payload, protectedHeader } = await compactVerify(jws.trim(), caPublicKey, { algorithms: ['RS256'] });
    if (protectedHeader.typ !== TYP) throw new SamenhangError('ERR_PKI_MISSING', 'unexpected typ');
    const list = JSON.parse(new TextDecoder().decode(payload)) as RevocationList;
    if (list.version !== 1 || !Array.isArray(list.revoked))
      throw new SamenhangError('ERR_PKI_MISSING', 'unexpected shape');
    return list;
  } catch (cause) {
    throw new SamenhangError('ERR_PKI_MISSING', 'the revocation list cannot be verified against the CA', { cause });
  }
}
