import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection, Subscription } from 'nats';
import { v1 } from '@samenhang/proto';
import { isTransientNatsError, readAll } from '@samenhang/nats';
import { STREAMS, subjects } from '@samenhang/topology';

/** How long a receipt seen on the wire is kept for a caller that has not asked yet. */
const KEEP_MS = 120_000;
/** JetStream's "no message found" (nats-server errors.json, JSNoMessageFoundErr). */
const NO_MESSAGE_FOUND = 10037;

/**
 * Answers an API call with its receipt. The gateway publishes exactly one receipt
 * per ingress message with message id `rcpt.<ingress sequence>`; the console sees
 * it as it is stored (a core subscription on the receipt subjects) and hands it to
 * the caller waiting for that sequence. Receipts are kept for a while, for a caller
 * that starts waiting late or posts the same envelope again; older ones are read back
 * from RECEIPTS.
 */
export class ReceiptWaiter {
  private readonly waiting = new Map<number, (r: v1.Receipt) => void>();
  private readonly seen = new Map<number, { at: number; receipt: v1.Receipt }>();
  private readonly sub: Subscription;

  constructor(private readonly nc: NatsConnection) {
    const sub = nc.subscribe(subjects.receipts('*'));
    this.sub = sub;
    void (async () => {
      for await (const m of sub) {
        const id = m.headers?.get('Nats-Msg-Id') ?? '';
        const seq = Number(id.startsWith('rcpt.') ? id.slice(5) : NaN);
        if (!Number.isSafeInteger(seq)) continue;
        let receipt: v1.Receipt;
        try {
          receipt = v1.Receipt.decode(m.data);
        } catch {
          continue;
        }
        // Kept even when a caller was waiting: the same envelope posted again (stored once,
        // same sequence) is answered from here.
        this.remember(seq, receipt);
        this.waiting.get(seq)?.(receipt);
      }
    })();
  }

  /** The receipt for an ingress sequence, or undefined after `timeoutMs`. */
  wait(seq: number, timeoutMs: number): Promise<v1.Receipt | undefined> {
    const known = this.seen.get(seq);
    if (known) return Promise.resolve(known.receipt);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(seq, (r) => {
        clearTimeout(timer);
        this.waiting.delete(seq);
        resolve(r);
      });
    });
  }

  /**
   * A receipt asked for later (after a 202): from memory, else from the agency's
   * receipts stored since the call; `pending` while the message is still in INGRESS,
   * or while NATS cannot say (a cluster electing a leader).
   *
   * INGRESS is asked first: the gateway stores a receipt before it acknowledges the
   * message, which removes it, so a message gone means its receipt is stored. Asked the
   * other way round, a receipt stored between the two reads was reported missing.
   */
  async lookup(agencyId: string, seq: number, sinceMs: number): Promise<v1.Receipt | 'pending' | undefined> {
    const known = this.seen.get(seq);
    if (known && known.receipt.agencyId === agencyId) return known.receipt;
    try {
      const jsm = await this.nc.jetstreamManager();
      const queued = await jsm.streams.getMessage(STREAMS.INGRESS, { seq }).catch((e: unknown) => {
        if ((e as { api_error?: { err_code?: number } }).api_error?.err_code === NO_MESSAGE_FOUND) return undefined;
        throw e;
      });
      if (queued)
        return queued.subject === subjects.ingress(agencyId) || queued.subject === subjects.consent(agencyId)
          ? 'pending'
          : undefined;
      // The reader's one-replica consumer may sit on a replica still catching up (after a
      // node was lost): a receipt not there is looked for once more before "not found".
      for (let attempt = 1; attempt <= 2; attempt++) {
        const stored = await readAll(this.nc, STREAMS.RECEIPTS, subjects.receipts(agencyId), {
          startTime: new Date(Math.max(0, sinceMs - 1000)),
        });
        const hit = stored.find((m) => m.msgId === `rcpt.${seq}`);
        if (hit) return v1.Receipt.decode(hit.data);
        if (attempt === 1) await sleep(1000);
      }
      return undefined;
    } catch (e) {
      if (isTransientNatsError(e)) return 'pending';
      throw e;
    }
  }

  close(): void {
    this.sub.unsubscribe();
  }

  private remember(seq: number, receipt: v1.Receipt): void {
    const now = Date.now();
    this.seen.set(seq, { at: now, receipt });
    for (const [k, v] of this.seen) {
      if (now - v.at < KEEP_MS && this.seen.size < 50_000) break; // insertion order: oldest first
      this.seen.delete(k);
    }
  }
}
