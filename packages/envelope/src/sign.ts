import { FlattenedSign } from 'jose';
import type { KeyObject } from 'node:crypto';
import { v1 } from '@samenhang/proto';
import { SIGNAL_TYP, type Alg, type EnvelopeTyp } from './header.js';

export interface SignOptions {
  readonly key: KeyObject;
  readonly kid: string;
  readonly alg?: Alg;
  readonly typ?: EnvelopeTyp;
}

/**
 * Signs serialised Signal (or ConsentRecord) bytes as a JWS with a flattened
 * serialisation and packs it into a SignalEnvelope. Returns the envelope bytes.
 */
export async function signEnvelope(payload: Uint8Array, o: SignOptions): Promise<Uint8Array> {
  const jws = await new FlattenedSign(payload)
    .setProtectedHeader({ alg: o.alg ?? 'PS256', kid: o.kid, typ: o.typ ?? SIGNAL_TYP })
    .sign(o.key);
  return v1.SignalEnvelope.encode({ payload, protected: jws.protected!, signature: jws.signature }).finish();
}
