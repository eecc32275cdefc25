import { createHash, generateKeyPairSync } from 'node:crypto';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import type { AgencyClient, SignerKey } from '@samenhang/client';

/** Deterministic "random" bytes (a SHA-256 chain), so a garbage case is the same every run. */
export function garbage(n: number, seed = 'garbage'): Uint8Array {
  const out = Buffer.alloc(n);
  let block = createHash('sha256').update(seed).digest();
  for (let i = 0; i < n; i += 32) {
    block.copy(out, i);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

/** A signer whose certificate the broker never issued. */
export function strangerSigner(): SignerKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { key: privateKey, kid: createHash('sha256').update('never-issued').digest('hex') };
}

export function withEnvelope(bytes: Uint8Array, change: (e: v1.SignalEnvelope) => void): Uint8Array {
  const e = v1.SignalEnvelope.decode(bytes);
  change(e);
  return v1.SignalEnvelope.encode(e).finish();
}

const b64url = (s: string) => Buffer.from(s).toString('base64url');

/** Applies one `mutate` description of bad-inputs.json to a signal. */
export async function mutatedEnvelope(
  mutate: string,
  signal: Record<string, unknown>,
  client: AgencyClient,
  signers: { other: SignerKey; revoked: SignerKey },
): Promise<Uint8Array> {
  const props = signalFromJson(signal);
  const valid = () => client.sign(props);
  if (mutate.startsWith('flip one byte')) {
    return withEnvelope(await valid(), (e) => {
      e.payload = Uint8Array.from(e.payload);
      e.payload[Math.floor(e.payload.length / 2)]! ^= 0x01;
    });
  }
  if (mutate.startsWith('protected header alg=none')) {
    return withEnvelope(await valid(), (e) => {
      e.protected = b64url(JSON.stringify({ alg: 'none', kid: client.signer.kid, typ: 'samenhang-signal+protobuf' }));
      e.signature = '';
    });
  }
  if (mutate.startsWith('kid of a certificate')) return client.sign(props, { signer: strangerSigner() });
  if (mutate.startsWith('publish 512 random bytes')) return garbage(512);
  if (mutate.startsWith('envelope larger')) return client.sign({ ...props, summary: 'x'.repeat(70 * 1024) });
  if (mutate.startsWith("signed with ggz-centraal's key")) return client.sign(props, { signer: signers.other });
  if (mutate.startsWith('signed with a certificate revoked')) return client.sign(props, { signer: signers.revoked });
  throw new Error(`unknown mutation: ${mutate}`);
}
