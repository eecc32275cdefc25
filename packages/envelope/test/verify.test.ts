import { createHash, createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePki, issueIdentity } from '@samenhang/certs-dev';
import { homePaths, identityFiles, type HomePaths } from '@samenhang/config';
import { isSamenhangError, type ErrorCode } from '@samenhang/errors';
import { CertStore, certificateKid, loadRegistry } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import {
  CRYPTO_FAILURE_REASON,
  SIGNAL_TYP,
  envelopeSha256,
  signEnvelope,
  verifyEnvelope,
  type VerifyContext,
} from '@samenhang/envelope';

const DAY = 86_400_000;
const payload = v1.Signal.encode({ signalId: 'v-1', agencyId: 'ggz-centraal', summary: 'test' }).finish();
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

let root: string;
let paths: HomePaths;
let ctx: VerifyContext;
let key: ReturnType<typeof createPrivateKey>;
let kid: string;
let expired: { key: ReturnType<typeof createPrivateKey>; kid: string };
const revoked = new Set<string>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'samenhang-envelope-'));
  paths = homePaths(root);
  const registry = await generatePki(paths);
  const old = await issueIdentity(paths, registry, 'participant', 'ggz-centraal', {
    suffix: 'expired',
    notBefore: new Date(Date.now() - 400 * DAY),
    notAfter: new Date(Date.now() - DAY),
  });
  expired = { key: createPrivateKey(readFileSync(old.key)), kid: old.kid };
  const files = identityFiles(paths, 'ggz-centraal');
  key = createPrivateKey(readFileSync(files.key));
  kid = certificateKid(new X509Certificate(readFileSync(files.cert)));
  ctx = {
    certs: CertStore.load(paths.caCert, paths.identities, loadRegistry(paths.registry)),
    isRevoked: (k) => revoked.has(k),
    now: Date.now(),
    maxEnvelopeBytes: 64 * 1024,
    typ: SIGNAL_TYP,
  };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function envelope(fields: { payload?: Uint8Array; protected?: string; signature?: string }): Uint8Array {
  return v1.SignalEnvelope.encode({
    payload,
    protected: b64({ alg: 'PS256', kid, typ: SIGNAL_TYP }),
    signature: 'AA',
    ...fields,
  }).finish();
}

function withPayload(bytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const env = v1.SignalEnvelope.decode(bytes);
  env.payload = payload;
  return v1.SignalEnvelope.encode(env).finish();
}

async function codeOf(bytes: Uint8Array, over: Partial<VerifyContext> = {}): Promise<ErrorCode | 'OK'> {
  try {
    await verifyEnvelope(bytes, { ...ctx, ...over });
    return 'OK';
  } catch (e) {
    if (isSamenhangError(e)) return e.code;
    throw e;
  }
}

describe('verifyEnvelope test vectors', () => {
  it('accepts a valid PS256 envelope and returns the payload bytes as sent', async () => {
    const bytes = await signEnvelope(payload, { key, kid });
    const v = await verifyEnvelope(bytes, ctx);
    expect(Buffer.from(v.payload).equals(Buffer.from(payload))).toBe(true);
    expect(v.signer.id).toBe('ggz-centraal');
    expect(v.header).toEqual({ alg: 'PS256', kid, typ: SIGNAL_TYP });
    expect(envelopeSha256(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('builds the signing input right for every base64url character (- and _ included)', async () => {
    // Bytes 0xfb 0xff encode to '-' and '_': the input is written byte for byte.
    const odd = Uint8Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 0xfb : i % 3 === 1 ? 0xff : i & 0xff));
    expect(Buffer.from(odd).toString('base64url')).toMatch(/-.*_|_.*-/);
    expect(await codeOf(await signEnvelope(odd, { key, kid }))).toBe('OK');
    // The same signature over other payload bytes does not hold.
    const env = v1.SignalEnvelope.decode(await signEnvelope(odd, { key, kid }));
    const other = Uint8Array.from(odd, (b, i) => (i === 150 ? b ^ 1 : b));
    expect(await codeOf(envelope({ payload: other, protected: env.protected, signature: env.signature }))).toBe(
      'ERR_SIGNATURE_INVALID',
    );
  });

  it('gives each of many checks started in one turn its own answer', async () => {
    // Many checks on the thread pool at once: a mix-up between their answers would show here.
    const good = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signEnvelope(Uint8Array.of(1, 2, i), { key, kid })),
    );
    const bytes = good.map((b, i) => (i % 3 === 1 ? withPayload(b, Uint8Array.of(1, 2, i, 0)) : b));
    const codes = await Promise.all(bytes.map((b) => codeOf(b)));
    expect(codes).toEqual(bytes.map((_, i) => (i % 3 === 1 ? 'ERR_SIGNATURE_INVALID' : 'OK')));
  });

  it('accepts RS256 for an RSA key too', async () => {
    expect(await codeOf(await signEnvelope(payload, { key, kid, alg: 'RS256' }))).toBe('OK');
  });

  it('verifies with any JWS library: the flattened JSON form is a standard JWS', async () => {
    const { flattenedVerify } = await import('jose');
    const env = v1.SignalEnvelope.decode(await signEnvelope(payload, { key, kid }));
    const jws = {
      protected: env.protected,
      payload: Buffer.from(env.payload).toString('base64url'),
      signature: env.signature,
    };
    const cert = new X509Certificate(readFileSync(identityFiles(paths, 'ggz-centraal').cert));
    await expect(flattenedVerify(jws, cert.publicKey)).resolves.toBeDefined();
  });

  const vectors: [string, ErrorCode, () => Promise<Uint8Array> | Uint8Array, Partial<VerifyContext>?][] = [
    ['oversized envelope', 'ERR_ENVELOPE_TOO_LARGE', () => new Uint8Array(64 * 1024 + 1)],
    ['not protobuf', 'ERR_ENVELOPE_MALFORMED', () => Buffer.from('{"payload": "json is not protobuf"}')],
    ['empty payload', 'ERR_ENVELOPE_MALFORMED', () => envelope({ payload: new Uint8Array() })],
    [
      'unknown envelope field',
      'ERR_ENVELOPE_MALFORMED',
      async () => Buffer.concat([await signEnvelope(payload, { key, kid }), Buffer.from([0x20, 0x01])]),
    ],
    ['header not base64url', 'ERR_HEADER_INVALID', () => envelope({ protected: 'not base64!' })],
    ['header not an object', 'ERR_HEADER_INVALID', () => envelope({ protected: b64([1, 2]) })],
    [
      'header with crit',
      'ERR_HEADER_INVALID',
      () => envelope({ protected: b64({ alg: 'PS256', kid, typ: SIGNAL_TYP, crit: ['b64'], b64: false }) }),
    ],
    ['wrong typ', 'ERR_HEADER_INVALID', () => envelope({ protected: b64({ alg: 'PS256', kid, typ: 'JWT' }) })],
    [
      'kid not a SHA-256',
      'ERR_HEADER_INVALID',
      () => envelope({ protected: b64({ alg: 'PS256', kid: 'ggz', typ: SIGNAL_TYP }) }),
    ],
    [
      'alg none',
      'ERR_ALG_NOT_ALLOWED',
      () => envelope({ protected: b64({ alg: 'none', kid, typ: SIGNAL_TYP }), signature: '' }),
    ],
    ['alg HS256', 'ERR_ALG_NOT_ALLOWED', () => envelope({ protected: b64({ alg: 'HS256', kid, typ: SIGNAL_TYP }) })],
    [
      'ES256 claimed for an RSA key',
      'ERR_ALG_NOT_ALLOWED',
      () => envelope({ protected: b64({ alg: 'ES256', kid, typ: SIGNAL_TYP }) }),
    ],
    [
      'kid never issued',
      'ERR_CERT_UNKNOWN',
      () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return signEnvelope(payload, { key: privateKey, kid: 'ab'.repeat(32) });
      },
    ],
    ['certificate expired', 'ERR_CERT_EXPIRED', () => signEnvelope(payload, { key: expired.key, kid: expired.kid })],
    [
      'certificate not yet valid',
      'ERR_CERT_EXPIRED',
      () => signEnvelope(payload, { key, kid }),
      { now: Date.now() - 10 * DAY },
    ],
    [
      'certificate revoked',
      'ERR_CERT_REVOKED',
      () => signEnvelope(payload, { key, kid }),
      { isRevoked: (k: string) => k === kid },
    ],
    [
      'payload changed after signing',
      'ERR_SIGNATURE_INVALID',
      async () => {
        const env = v1.SignalEnvelope.decode(await signEnvelope(payload, { key, kid }));
        env.payload = Buffer.concat([env.payload, Buffer.from([0])]);
        return v1.SignalEnvelope.encode(env).finish();
      },
    ],
    [
      'signature by another key under this kid',
      'ERR_SIGNATURE_INVALID',
      () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return signEnvelope(payload, { key: privateKey, kid });
      },
    ],
    ['signature garbage', 'ERR_SIGNATURE_INVALID', () => envelope({ signature: 'AAAA' })],
  ];

  it.each(vectors)('%s → %s', async (_name, code, make, over) => {
    expect(await codeOf(await make(), over ?? {})).toBe(code);
  });

  it('gives every certificate and signature failure the same reason (no oracle)', async () => {
    const reasons = new Set<string>();
    for (const [, code, make, over] of vectors.filter(([, c]) =>
      ['ERR_CERT_UNKNOWN', 'ERR_CERT_EXPIRED', 'ERR_CERT_REVOKED', 'ERR_SIGNATURE_INVALID'].includes(c),
    )) {
      try {
        await verifyEnvelope(await make(), { ...ctx, ...over });
      } catch (e) {
        expect((e as { code: string }).code).toBe(code);
        reasons.add((e as Error).message);
      }
    }
    expect([...reasons]).toEqual([CRYPTO_FAILURE_REASON]);
  });
});
