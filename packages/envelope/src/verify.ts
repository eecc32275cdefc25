import { constants, hash, verify as cryptoVerify, type KeyObject, type VerifyKeyObjectInput } from 'node:crypto';
import { SamenhangError } from '@samenhang/errors';
import type { CertStore, IssuedIdentity, KeyType } from '@samenhang/pki';
import { decodeKeepingUnknowns, v1 } from '@samenhang/proto';
import { parseProtectedHeader, type Alg, type EnvelopeTyp, type ProtectedHeader } from './header.js';

export interface VerifyContext {
  readonly certs: CertStore;
  readonly isRevoked: (kid: string) => boolean;
  readonly now: number;
  readonly maxEnvelopeBytes: number;
  readonly typ: EnvelopeTyp;
}

export interface VerifiedEnvelope {
  /** The signed payload bytes, exactly as received (never re-encoded). */
  readonly payload: Uint8Array;
  readonly header: ProtectedHeader;
  readonly signer: IssuedIdentity;
}

const ALGS_FOR_KEY: Record<KeyType, readonly Alg[]> = { rsa: ['PS256', 'RS256'], 'ec-p256': ['ES256'] };

/** RFC 7518 §3.3–3.5 for our three algorithms, all over SHA-256. */
const VERIFY_KEY: Record<Alg, (key: KeyObject) => VerifyKeyObjectInput> = {
  PS256: (key) => ({ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }),
  RS256: (key) => ({ key, padding: constants.RSA_PKCS1_PADDING }),
  ES256: (key) => ({ key, dsaEncoding: 'ieee-p1363' }),
};
const B64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The JWS signature over ASCII(protected) '.' base64url(payload), with node:crypto
 * directly: the header was checked already, and jose's WebCrypto path costs a third
 * of the throughput here (docs/history/performance-rounds.md). The check runs on libuv's thread
 * pool (callback form), so the gateway's event loop keeps moving messages meanwhile.
 * Envelopes are signed with jose.
 */
function signatureHolds(
  protectedB64: string,
  payload: Uint8Array,
  signatureB64: string,
  alg: Alg,
  key: KeyObject,
): Promise<boolean> {
  if (!B64URL.test(signatureB64)) return Promise.resolve(false);
  const signature = Buffer.from(signatureB64, 'base64url');
  if (alg === 'ES256' && signature.length !== 64) return Promise.resolve(false);
  const input = signingInput(protectedB64, payload);
  return new Promise((resolve) => {
    try {
      // A malformed signature is just a wrong one.
      cryptoVerify('sha256', input, VERIFY_KEY[alg](key), signature, (err, ok) => resolve(!err && ok));
    } catch {
      resolve(false);
    }
  });
}

/**
 * ASCII(protected) '.' base64url(payload), written straight into one buffer: a template
 * string and its re-encoding were the largest part of the main thread's share of a
 * verification (docs/history/performance-rounds.md). Both parts are base64url (the header was checked),
 * so latin1 writes them byte for byte.
 */
function signingInput(protectedB64: string, payload: Uint8Array): Buffer {
  const payloadB64 = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('base64url');
  const input = Buffer.allocUnsafe(protectedB64.length + 1 + payloadB64.length);
  input.write(protectedB64, 0, 'latin1');
  input[protectedB64.length] = 0x2e; // '.'
  input.write(payloadB64, protectedB64.length + 1, 'latin1');
  return input;
}

/** One reason for every crypto failure, so receipts are no oracle (docs/wire-contract.md). */
export const CRYPTO_FAILURE_REASON = 'signature verification failed';

/**
 * The receipt's identity of an envelope. The gateway hashes every envelope once, on
 * arrival, since a rejected one needs a receipt too; verification does not hash again.
 */
export function envelopeSha256(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex'); // one-shot: no Hash object per envelope
}

function decodeEnvelope(bytes: Uint8Array): { payload: Uint8Array; protected: string; signature: string } {
  let env: v1.SignalEnvelope;
  try {
    env = decodeKeepingUnknowns((r) => v1.SignalEnvelope.decode(r), bytes);
  } catch (cause) {
    throw new SamenhangError('ERR_ENVELOPE_MALFORMED', 'envelope is not a SignalEnvelope', { cause });
  }
  // Unknown fields mean this is not our envelope (or random bytes that happen to parse).
  if (env.$unknowns?.length || env.payload.length === 0 || env.protected.length === 0) {
    throw new SamenhangError('ERR_ENVELOPE_MALFORMED', 'envelope is not a SignalEnvelope');
  }
  return env;
}

/**
 * Verifies a SignalEnvelope as received: size, structure, protected header, the
 * signer's certificate (issued by us, valid now, not revoked), algorithm against
 * the key type, and the JWS signature over the received payload bytes.
 */
export async function verifyEnvelope(bytes: Uint8Array, ctx: VerifyContext): Promise<VerifiedEnvelope> {
  if (bytes.length > ctx.maxEnvelopeBytes) {
    throw new SamenhangError('ERR_ENVELOPE_TOO_LARGE', `envelope is larger than ${ctx.maxEnvelopeBytes} bytes`);
  }
  const env = decodeEnvelope(bytes);
  const header = parseProtectedHeader(env.protected, ctx.typ);
  const signer = ctx.certs.get(header.kid);
  if (!signer) throw new SamenhangError('ERR_CERT_UNKNOWN', CRYPTO_FAILURE_REASON);
  if (ctx.now < signer.notBefore || ctx.now > signer.notAfter)
    throw new SamenhangError('ERR_CERT_EXPIRED', CRYPTO_FAILURE_REASON);
  if (ctx.isRevoked(signer.kid)) throw new SamenhangError('ERR_CERT_REVOKED', CRYPTO_FAILURE_REASON);
  if (!ALGS_FOR_KEY[signer.keyType].includes(header.alg)) {
    throw new SamenhangError('ERR_ALG_NOT_ALLOWED', 'algorithm does not match the signer key', { path: '/alg' });
  }
  if (!(await signatureHolds(env.protected, env.payload, env.signature, header.alg, signer.publicKey))) {
    throw new SamenhangError('ERR_SIGNATURE_INVALID', CRYPTO_FAILURE_REASON);
  }
  return { payload: env.payload, header, signer };
}
