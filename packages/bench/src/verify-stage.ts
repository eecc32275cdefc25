import { constants, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { SIGNAL_TYP, verifyEnvelope } from '@samenhang/envelope';
import { SamenhangError } from '@samenhang/errors';
import type { CertStore } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import { Progress } from './progress.js';
import type { VerifyWorkerData } from './verify-worker.js';
import { perSecond } from './stats.js';

export interface VerifyResult {
  readonly envelopes: number;
  /** The gateway's verification (decode, header, certificate, revocation, JWS) per second. */
  readonly stagePerSecond: number;
  /** node:crypto PS256 verification of the same signatures, nothing else, per second, on the thread pool as the stage does. */
  readonly rawPerSecond: number;
  /** The same, one synchronous crypto.verify after another on this thread. */
  readonly rawSyncPerSecond: number;
  readonly ratio: number;
}

/**
 * The verification stage in this process against bare node:crypto over the same
 * signatures, both on the thread pool with 256 in flight (and bare synchronous, for
 * reference). The two alternate in rounds over the same envelopes, each going first in
 * every other round, so that other work on the machine (a service finishing its
 * backlog) weighs on both alike instead of on whichever ran first.
 */
export async function benchVerify(certs: CertStore, envelopes: readonly Uint8Array[]): Promise<VerifyResult> {
  const now = Date.now();
  const progress = new Progress('verification stage', envelopes.length);
  const stageOne = (e: Uint8Array) =>
    verifyEnvelope(e, { certs, isRevoked: () => false, now, maxEnvelopeBytes: 65_536, typ: SIGNAL_TYP });

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
  const params = (key: KeyObject) => ({ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  const rawOne = (r: (typeof raw)[number]) =>
    new Promise<boolean>((res) => cryptoVerify('sha256', r.input, params(r.key), r.signature, (e, v) => res(!e && v)));
  let ok = 0;
  const inFlight = async <T>(items: readonly T[], one: (x: T) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 256) await Promise.all(items.slice(i, i + 256).map(one));
  };
  const timed = async (run: () => Promise<void>) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };

  // Warm-up outside the clock (JIT, key caches).
  await inFlight(envelopes.slice(0, 1000), stageOne);
  await inFlight(raw.slice(0, 1000), rawOne);
  const ROUNDS = 10;
  const per = Math.ceil(envelopes.length / ROUNDS);
  let stageMs = 0;
  let rawMs = 0;
  for (let round = 0, i = 0; i < envelopes.length; round++, i += per) {
    const stage = () => timed(() => inFlight(envelopes.slice(i, i + per), stageOne));
    const bare = () => timed(() => inFlight(raw.slice(i, i + per), async (r) => (await rawOne(r)) && ok++));
    if (round % 2 === 0) {
      stageMs += await stage();
      rawMs += await bare();
    } else {
      rawMs += await bare();
      stageMs += await stage();
    }
    progress.update(Math.min(i + per, envelopes.length));
  }
  const t = performance.now();
  for (const r of raw) if (cryptoVerify('sha256', r.input, params(r.key), r.signature)) ok++;
  const rawSyncMs = performance.now() - t;
  if (ok !== 2 * envelopes.length)
    throw new SamenhangError(
      'ERR_SIGNATURE_INVALID',
      `raw verification failed for ${2 * envelopes.length - ok} signatures`,
    );
  progress.done();
  const stagePerSecond = perSecond(envelopes.length, stageMs);
  const rawPerSecond = perSecond(envelopes.length, rawMs);
  return {
    envelopes: envelopes.length,
    stagePerSecond,
    rawPerSecond,
    rawSyncPerSecond: perSecond(envelopes.length, rawSyncMs),
    ratio: Math.round((stagePerSecond / rawPerSecond) * 100) / 100,
  };
}

/** benchVerify in a worker thread (verify-worker.ts), with the home's certificates. */
export function benchVerifyInWorker(
  files: Omit<VerifyWorkerData, 'envelopes'>,
  envelopes: readonly Uint8Array[],
): Promise<VerifyResult> {
  const workerData: VerifyWorkerData = { ...files, envelopes };
  const worker = new Worker(new URL('./verify-worker.js', import.meta.url), { workerData });
  return new Promise((resolve, reject) => {
    worker.once('message', (r: VerifyResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new SamenhangError('ERR_INTERNAL', `verification worker exited with code ${code}`)),
    );
  });
}
