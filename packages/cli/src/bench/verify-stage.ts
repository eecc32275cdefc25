import { constants, verify as cryptoVerify } from 'node:crypto';
import { SIGNAL_TYP, verifyEnvelope } from '@samenhang/envelope';
import type { CertStore } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import { Progress } from './progress.js';
import { perSecond } from './stats.js';

export interface VerifyResult {
  readonly envelopes: number;
  /** The gateway's verification (decode, header, certificate, revocation, JWS) per second. */
  readonly stagePerSecond: number;
  /** node:crypto PS256 verification of the same signatures, nothing else, per second. */
  readonly rawPerSecond: number;
  readonly ratio: number;
}

/** The verification stage in this process against bare node:crypto over the same signatures. */
export async function benchVerify(certs: CertStore, envelopes: readonly Uint8Array[]): Promise<VerifyResult> {
  const now = Date.now();
  const progress = new Progress('verification stage', envelopes.length * 2);
  let t = performance.now();
  for (let i = 0; i < envelopes.length; i += 256) {
    await Promise.all(envelopes.slice(i, i + 256).map((e) => verifyEnvelope(e, { certs, isRevoked: () => false, now, maxEnvelopeBytes: 65_536, typ: SIGNAL_TYP })));
    progress.update(i);
  }
  const stageMs = performance.now() - t;

  // Raw: the signing input and signature already in hand, one crypto.verify each.
  const raw = envelopes.map((bytes) => {
    const env = v1.SignalEnvelope.decode(bytes);
    const header = JSON.parse(Buffer.from(env.protected, 'base64url').toString('utf8')) as { kid: string };
    return {
      input: Buffer.from(`${env.protected}.${Buffer.from(env.payload).toString('base64url')}`),
      signature: Buffer.from(env.signature, 'base64url'),
      key: certs.get(header.kid)!.publicKey,
    };
  });
  t = performance.now();
  let ok = 0;
  for (const r of raw) {
    if (cryptoVerify('sha256', r.input, { key: r.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, r.signature)) ok++;
  }
  const rawMs = performance.now() - t;
  if (ok !== envelopes.length) throw new Error(`raw verification failed for ${envelopes.length - ok} signatures`);
  progress.done();
  const stagePerSecond = perSecond(envelopes.length, stageMs);
  const rawPerSecond = perSecond(envelopes.length, rawMs);
  return { envelopes: envelopes.length, stagePerSecond, rawPerSecond, ratio: Math.round((stagePerSecond / rawPerSecond) * 100) / 100 };
}
