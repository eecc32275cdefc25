import { randomBytes, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { SamenhangError } from '@samenhang/errors';
import type { CertStore } from '@samenhang/pki';

export const LOGIN_TYP = 'samenhang-login+jws';
/** The longest a login assertion may live: it is a one-time link, used at once. */
export const MAX_LOGIN_SECONDS = 120;

export interface LoginClaims {
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

/**
 * A short-lived login assertion: the identity signs with its own certificate key
 * (the same key it signs envelopes with), so no password exists to steal or reuse.
 */
export async function signLogin(o: {
  key: KeyObject;
  kid: string;
  sub: string;
  aud: string;
  ttlSeconds?: number;
  now?: number;
}): Promise<string> {
  const iat = Math.floor((o.now ?? Date.now()) / 1000);
  const claims: LoginClaims = {
    sub: o.sub,
    aud: o.aud,
    iat,
    exp: iat + Math.min(o.ttlSeconds ?? 60, MAX_LOGIN_SECONDS),
    jti: randomBytes(16).toString('base64url'),
  };
  const alg = o.key.asymmetricKeyType === 'ec' ? 'ES256' : 'PS256';
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg, kid: o.kid, typ: LOGIN_TYP })
    .sign(o.key);
}

const invalid = (why: string, cause?: unknown) =>
  new SamenhangError('ERR_LOGIN_INVALID', `login link invalid: ${why}`, cause === undefined ? {} : { cause });

/**
 * Verifies a login assertion against the broker's PKI: a certificate the CA issued
 * (by kid), valid now and not revoked, the key's own algorithm, this audience, a
 * lifetime of at most MAX_LOGIN_SECONDS, and a subject equal to the certificate's
 * identity. One-time use is the caller's (it remembers `jti` until `exp`).
 */
export async function verifyLogin(
  token: string,
  o: { certs: CertStore; revoked: ReadonlySet<string>; aud: string; now?: number },
): Promise<LoginClaims> {
  const now = Math.floor((o.now ?? Date.now()) / 1000);
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw invalid('not a signed assertion', cause);
  }
  if (header.typ !== LOGIN_TYP || typeof header.kid !== 'string') throw invalid('not a login assertion');
  const signer = o.certs.get(header.kid);
  if (!signer) throw invalid('unknown certificate');
  if (o.revoked.has(signer.id)) throw invalid('certificate revoked');
  if (now * 1000 < signer.notBefore || now * 1000 > signer.notAfter) throw invalid('certificate not valid now');
  const alg = signer.keyType === 'rsa' ? 'PS256' : 'ES256';
  let claims: LoginClaims;
  try {
    const { payload } = await compactVerify(token, signer.publicKey, { algorithms: [alg] });
    claims = JSON.parse(new TextDecoder().decode(payload)) as LoginClaims;
  } catch (cause) {
    throw invalid('signature does not verify', cause);
  }
  if (claims.sub !== signer.id) throw invalid('subject is not the signer');
  if (claims.aud !== o.aud) throw invalid('meant for another console');
  if (typeof claims.jti !== 'string' || claims.jti.length < 16) throw invalid('no one-time id');
  if (
    !Number.isInteger(claims.iat) ||
    !Number.isInteger(claims.exp) ||
    claims.exp - claims.iat > MAX_LOGIN_SECONDS ||
    claims.iat > now + 30
  )
    throw invalid('lifetime out of bounds');
  if (now > claims.exp) throw invalid('expired');
  return claims;
}
