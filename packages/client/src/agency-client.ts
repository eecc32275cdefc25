import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NatsConnection, PubAck } from 'nats';
import { identityFiles, type HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { CONSENT_TYP, envelopeSha256, signEnvelope, type Alg } from '@samenhang/envelope';
import { certificateKid } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import {
  connectAs,
  isTransientNatsError,
  openFilteredReader,
  publishRetrying,
  readAll,
  type FilteredReader,
} from '@samenhang/nats';
import { STREAMS, subjects } from '@samenhang/topology';

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
 * How long one envelope may take, from the first publish to its receipt, unless told
 * otherwise. A node's loss costs an election (up to ~16 s measured on two busy cores) and,
 * when the gateway's pull consumer moved, the ~30 s nats.js takes to notice missed
 * heartbeats: ~50 s without receipts at worst. It stays inside INGRESS's two-minute
 * duplicate window, so every copy sent until then is stored once.
 */
export const PUBLISH_DEADLINE_MS = 90_000;
/**
 * Without a receipt this long after JetStream stored the envelope, it is published again
 * (same message id, so JetStream keeps one copy): a gateway or node that took over answers it.
 */
export const REPUBLISH_AFTER_MS = 10_000;
/** How far back JetStream's INGRESS stream remembers message ids (streams.ts), and some slack. */
const INGRESS_DUPLICATE_WINDOW_MS = 2 * 60_000 + 30_000;
/** Receipts remembered per client, by envelope hash (the oldest are forgotten first). */
const REMEMBERED_RECEIPTS = 100_000;

type Waiter = (r: v1.Receipt | Error) => void;

/**
 * The outcome a receipt reports for our envelope. A DUPLICATE naming our own bytes as the
 * envelope that holds the id means an earlier copy of this very envelope was accepted — a
 * re-publish found it — so the outcome is that acceptance, not a duplicate.
 */
export function outcomeOf(r: v1.Receipt): v1.Receipt {
  if (
    r.status !== v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE ||
    !r.originalEnvelopeSha256 ||
    r.originalEnvelopeSha256 !== r.envelopeSha256
  )
    return r;
  return v1.Receipt.create({
    ...r,
    status: v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    reason: 'accepted (this envelope was received before)',
  });
}

/**
 * What an agency system does: sign signals with its key, publish them on its own
 * ingress subject with JetStream, and collect the receipt of each envelope from
 * its own receipts (matched by the envelope's SHA-256).
 *
 * It rides through the loss of a node of a cluster: each envelope is published with its
 * SHA-256 as message id, retried while NATS is briefly unavailable, and published again
 * when no receipt comes; the receipts reader replaces a consumer it lost (`resume`).
 */
export class AgencyClient {
  /** The first receipt seen per envelope hash: the outcome of the first copy stored. */
  private readonly receipts = new Map<string, v1.Receipt>();
  private readonly waiting = new Map<string, Set<Waiter>>();
  private readerFailure: Error | undefined;
  private loop: Promise<void> | undefined;

  private constructor(
    readonly agencyId: string,
    readonly nc: NatsConnection,
    private readonly reader: FilteredReader,
    readonly signer: SignerKey,
  ) {}

  static async open(
    paths: HomePaths,
    servers: readonly string[],
    agencyId: string,
    certName = agencyId,
  ): Promise<AgencyClient> {
    const nc = await connectAs({ paths, servers, identity: agencyId, certName, maxReconnectAttempts: 10 });
    const reader = await openFilteredReader(nc, STREAMS.RECEIPTS, subjects.receipts(agencyId), {
      deliver: 'new',
      resume: true,
    });
    const client = new AgencyClient(agencyId, nc, reader, loadSigner(paths, certName));
    client.loop = client.readReceipts();
    return client;
  }

  private async readReceipts(): Promise<void> {
    try {
      for await (const m of this.reader) this.received(v1.Receipt.decode(m.data));
    } catch (e) {
      this.readerFailure = e instanceof Error ? e : new Error(String(e));
    }
    this.readerFailure ??= new SamenhangError('ERR_RECEIPT_TIMEOUT', 'the receipts reader stopped');
    for (const ws of this.waiting.values()) for (const w of ws) w(this.readerFailure);
  }

  private received(r: v1.Receipt): void {
    const sha = r.envelopeSha256;
    // A second receipt for one envelope (a copy stored after the duplicate window) does not replace the first.
    if (!this.receipts.has(sha)) {
      this.receipts.set(sha, r);
      if (this.receipts.size > REMEMBERED_RECEIPTS) this.receipts.delete(this.receipts.keys().next().value!);
    }
    for (const w of this.waiting.get(sha) ?? []) w(this.receipts.get(sha)!);
  }

  /** The receipt for an envelope hash, or undefined when none came within `ms`. */
  private receiptWithin(sha: string, ms: number): Promise<v1.Receipt | undefined> {
    const known = this.receipts.get(sha);
    if (known) return Promise.resolve(known);
    if (this.readerFailure) return Promise.reject(this.readerFailure);
    return new Promise((resolve, reject) => {
      const ws = this.waiting.get(sha) ?? this.waiting.set(sha, new Set()).get(sha)!;
      const done: Waiter = (r) => {
        clearTimeout(timer);
        ws.delete(done);
        if (ws.size === 0) this.waiting.delete(sha);
        if (r instanceof Error) reject(r);
        else resolve(r);
      };
      const timer = setTimeout(
        () => {
          ws.delete(done);
          if (ws.size === 0) this.waiting.delete(sha);
          resolve(undefined);
        },
        Math.max(0, ms),
      );
      ws.add(done);
    });
  }

  /**
   * JetStream already held this envelope before we published it (someone published these
   * bytes within the duplicate window): its receipt may be older than our reader, so it is
   * looked up among this agency's receipts of that window.
   */
  private async lookBack(sha: string): Promise<void> {
    if (this.receipts.has(sha)) return;
    const stored = await readAll(this.nc, STREAMS.RECEIPTS, subjects.receipts(this.agencyId), {
      startTime: new Date(Date.now() - INGRESS_DUPLICATE_WINDOW_MS),
    }).catch(() => []); // the live reader may still bring it
    for (const m of stored) {
      const r = v1.Receipt.decode(m.data);
      if (r.envelopeSha256 === sha && !this.receipts.has(sha)) this.received(r);
    }
  }

  async sign(signal: v1.Signal.$Properties, o: { signer?: SignerKey; alg?: Alg } = {}): Promise<Uint8Array> {
    const s = o.signer ?? this.signer;
    return signEnvelope(v1.Signal.encode(signal).finish(), {
      key: s.key,
      kid: s.kid,
      ...(o.alg ? { alg: o.alg } : {}),
    });
  }

  async signConsent(consent: v1.ConsentRecord.$Properties): Promise<Uint8Array> {
    return signEnvelope(v1.ConsentRecord.encode(consent).finish(), {
      key: this.signer.key,
      kid: this.signer.kid,
      typ: CONSENT_TYP,
    });
  }

  /** Publishes a signed consent record on this agency's consent subject. */
  publishConsent(envelope: Uint8Array, timeoutMs = PUBLISH_DEADLINE_MS): Promise<v1.Receipt> {
    return this.publish(envelope, timeoutMs, subjects.consent(this.agencyId));
  }

  /**
   * Publishes envelope bytes as they are; resolves with the outcome for them (`outcomeOf`
   * the first receipt). Publishing the same bytes again gives the same outcome: JetStream
   * stores them once. Gives up with ERR_RECEIPT_TIMEOUT after `timeoutMs` in all.
   */
  async publish(
    envelope: Uint8Array,
    timeoutMs = PUBLISH_DEADLINE_MS,
    subject = subjects.ingress(this.agencyId),
  ): Promise<v1.Receipt> {
    const sha = envelopeSha256(envelope);
    const deadline = Date.now() + timeoutMs;
    const js = this.nc.jetstream();
    for (let round = 1; ; round++) {
      let ack: PubAck;
      try {
        ack = await publishRetrying(js, subject, envelope, { msgID: sha, deadline, gaveUp: () => this.nc.isClosed() });
      } catch (e) {
        if (!isTransientNatsError(e)) throw e;
        // Stored or not, nothing more can be learnt in time: the envelope may still be answered.
        const known = this.receipts.get(sha);
        if (known) return outcomeOf(known);
        throw new SamenhangError(
          'ERR_RECEIPT_TIMEOUT',
          `no receipt within ${timeoutMs} ms (NATS unavailable: ${(e as { code?: string }).code ?? e})`,
          { cause: e },
        );
      }
      if (ack.duplicate && round === 1) await this.lookBack(sha);
      const r = await this.receiptWithin(sha, Math.min(REPUBLISH_AFTER_MS, deadline - Date.now()));
      if (r) return outcomeOf(r);
      if (Date.now() >= deadline) throw new SamenhangError('ERR_RECEIPT_TIMEOUT', `no receipt within ${timeoutMs} ms`);
    }
  }

  async close(): Promise<void> {
    await this.reader.close();
    await this.loop?.catch(() => undefined);
    await this.nc.close();
  }
}
