import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NatsConnection } from 'nats';
import { identityFiles, type HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { CONSENT_TYP, envelopeSha256, signEnvelope, type Alg } from '@samenhang/envelope';
import { certificateKid } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import { STREAMS, connectAs, openFilteredReader, subjects, type FilteredReader } from '@samenhang/stack';

export interface SignerKey {
  readonly key: KeyObject;
  readonly kid: string;
}

/** An agency's signing key and kid from its certificate in the home. */
export function loadSigner(paths: HomePaths, certName: string): SignerKey {
  const files = identityFiles(paths, certName);
  return {
    key: createPrivateKey(readFileSync(files.key)),
    kid: certificateKid(new X509Certificate(readFileSync(files.cert))),
  };
}

/**
 * What an agency system does: sign signals with its key, publish them on its own
 * ingress subject with JetStream, and collect the receipt of each envelope from
 * its own receipts (matched by the envelope's SHA-256).
 */
export class AgencyClient {
  private readonly waiting = new Map<string, ((r: v1.Receipt) => void)[]>();
  private readonly early = new Map<string, v1.Receipt[]>();
  private loop: Promise<void> | undefined;
  private stopReading: (() => void) | undefined;

  private constructor(
    readonly agencyId: string,
    readonly nc: NatsConnection,
    private readonly reader: FilteredReader,
    readonly signer: SignerKey,
  ) {}

  static async open(paths: HomePaths, servers: readonly string[], agencyId: string, certName = agencyId): Promise<AgencyClient> {
    const nc = await connectAs({ paths, servers, identity: agencyId, certName, maxReconnectAttempts: 10 });
    const reader = await openFilteredReader(nc, STREAMS.RECEIPTS, subjects.receipts(agencyId), { deliver: 'new' });
    const client = new AgencyClient(agencyId, nc, reader, loadSigner(paths, certName));
    client.loop = client.readReceipts();
    return client;
  }

  private async readReceipts(): Promise<void> {
    this.stopReading = () => void this.reader.close();
    for await (const m of this.reader) {
      const r = v1.Receipt.decode(m.data);
      const w = this.waiting.get(r.envelopeSha256)?.shift();
      if (w) w(r);
      else this.early.set(r.envelopeSha256, [...(this.early.get(r.envelopeSha256) ?? []), r]);
    }
  }

  async sign(signal: v1.Signal.$Properties, o: { signer?: SignerKey; alg?: Alg } = {}): Promise<Uint8Array> {
    const s = o.signer ?? this.signer;
    return signEnvelope(v1.Signal.encode(signal).finish(), { key: s.key, kid: s.kid, ...(o.alg ? { alg: o.alg } : {}) });
  }

  async signConsent(consent: v1.ConsentRecord.$Properties): Promise<Uint8Array> {
    return signEnvelope(v1.ConsentRecord.encode(consent).finish(), { key: this.signer.key, kid: this.signer.kid, typ: CONSENT_TYP });
  }

  /** Publishes a signed consent record on this agency's consent subject. */
  publishConsent(envelope: Uint8Array, timeoutMs = 15_000): Promise<v1.Receipt> {
    return this.publish(envelope, timeoutMs, subjects.consent(this.agencyId));
  }

  /** Publishes envelope bytes as they are; resolves with the receipt for them. */
  async publish(envelope: Uint8Array, timeoutMs = 15_000, subject = subjects.ingress(this.agencyId)): Promise<v1.Receipt> {
    const sha = envelopeSha256(envelope);
    const receipt = new Promise<v1.Receipt>((resolve, reject) => {
      const early = this.early.get(sha)?.shift();
      if (early) return resolve(early);
      const t = setTimeout(() => reject(new SamenhangError('ERR_RECEIPT_TIMEOUT', `no receipt within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(sha, [...(this.waiting.get(sha) ?? []), (r) => (clearTimeout(t), resolve(r))]);
    });
    await this.nc.jetstream().publish(subject, envelope);
    return receipt;
  }

  async close(): Promise<void> {
    this.stopReading?.();
    await this.loop?.catch(() => undefined);
    await this.reader.close();
    await this.nc.close();
  }
}
