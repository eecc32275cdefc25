import { SamenhangError } from '@samenhang/errors';
import { Lru } from '@samenhang/lru';

export const SIGNAL_TYP = 'samenhang-signal+protobuf';
export const CONSENT_TYP = 'samenhang-consent+protobuf';
export type EnvelopeTyp = typeof SIGNAL_TYP | typeof CONSENT_TYP;

/** Algorithms we accept at all; which one is allowed also depends on the key (see verify). */
export const ALLOWED_ALGS = ['PS256', 'RS256', 'ES256'] as const;
export type Alg = (typeof ALLOWED_ALGS)[number];

export interface ProtectedHeader {
  readonly alg: Alg;
  readonly kid: string;
  readonly typ: EnvelopeTyp;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const KID = /^[0-9a-f]{64}$/;

/**
 * Headers already accepted, by their exact text: every envelope of one signer carries
 * the same protected header, and parsing it was 7 % of the verification stage. Checking
 * is a pure function of the text and the expected typ; failures are never remembered.
 */
const accepted = new Lru<string, ProtectedHeader>(1024);

/** Decodes and checks the JWS protected header: exactly alg, kid and typ, nothing critical. */
export function parseProtectedHeader(protectedB64: string, expectedTyp: EnvelopeTyp): ProtectedHeader {
  const known = accepted.get(protectedB64);
  if (known?.typ === expectedTyp) return known;
  const header = checkProtectedHeader(protectedB64, expectedTyp);
  accepted.set(protectedB64, header);
  return header;
}

function checkProtectedHeader(protectedB64: string, expectedTyp: EnvelopeTyp): ProtectedHeader {
  let header: unknown;
  try {
    if (!B64URL.test(protectedB64)) throw new SamenhangError('ERR_HEADER_INVALID', 'not base64url');
    header = JSON.parse(Buffer.from(protectedB64, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new SamenhangError('ERR_HEADER_INVALID', 'protected header is not base64url-encoded JSON', { cause });
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    throw new SamenhangError('ERR_HEADER_INVALID', 'protected header is not a JSON object');
  }
  const h = header as Record<string, unknown>;
  if (typeof h.alg !== 'string' || !(ALLOWED_ALGS as readonly string[]).includes(h.alg)) {
    throw new SamenhangError('ERR_ALG_NOT_ALLOWED', 'algorithm is not allowed', { path: '/alg' });
  }
  const extra = Object.keys(h).filter((k) => k !== 'alg' && k !== 'kid' && k !== 'typ');
  if (extra.length > 0)
    throw new SamenhangError('ERR_HEADER_INVALID', `protected header has unsupported member '${extra[0]}'`, {
      path: `/${extra[0]}`,
    });
  if (typeof h.kid !== 'string' || !KID.test(h.kid)) {
    throw new SamenhangError('ERR_HEADER_INVALID', 'kid must be the hex SHA-256 of the signer certificate', {
      path: '/kid',
    });
  }
  if (h.typ !== expectedTyp)
    throw new SamenhangError('ERR_HEADER_INVALID', `typ must be ${expectedTyp}`, { path: '/typ' });
  return { alg: h.alg as Alg, kid: h.kid, typ: expectedTyp };
}
