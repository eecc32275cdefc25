import type { NatsConnection, Subscription } from 'nats';
import { v1 } from '@samenhang/proto';
import { STREAMS, readAll, subjects } from '@samenhang/stack';

/** How long a receipt seen on the wire is kept for a caller that has not asked yet. */
const KEEP_MS = 120_000;

/**
 * Answers an API call with its receipt. The gateway publishes exactly one receipt
 * per ingress message with message id `rcpt.<ingress sequence>`; the console sees
 * it as it is stored (a core subscription on the receipt subjects) and hands it to
 * the caller waiting for that sequence. A receipt that arrives before the caller
 * starts waiting is kept for a while; older ones are read back from RECEIPTS.
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
        const resolve = this.waiting.get(seq);
        if (resolve) resolve(receipt);
        else this.remember(seq, receipt);
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
   * receipts stored since the call; `pending` while the message is still in INGRESS.
   */
  async lookup(agencyId: string, seq: number, sinceMs: number): Promise<v1.Receipt | 'pending' | undefined> {
    const known = this.seen.get(seq);
    if (known && known.receipt.agencyId === agencyId) return known.receipt;
    const stored = await readAll(this.nc, STREAMS.RECEIPTS, subjects.receipts(agencyId), { startTime: new Date(Math.max(0, sinceMs - 1000)) });
    const hit = stored.find((m) => m.msgId === `rcpt.${seq}`);
    if (hit) return v1.Receipt.decode(hit.data);
    const jsm = await this.nc.jetstreamManager();
    const queued = await jsm.streams.getMessage(STREAMS.INGRESS, { seq }).catch(() => undefined);
    return queued && (queued.subject === subjects.ingress(agencyId) || queued.subject === subjects.consent(agencyId)) ? 'pending' : undefined;
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
