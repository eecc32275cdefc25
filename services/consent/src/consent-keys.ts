import type { KV } from 'nats';

/**
 * Which persons have any consent record, followed from the consents bucket: keys and
 * revisions only, never a value. Most signals are about persons without one, and their
 * first consent read then needs no request (at 500 new persons a second, one request
 * and one 404 each).
 *
 * The watch delivers the bucket's writes in stream order, so once it has caught up,
 * a key it has not seen had no write up to the last sequence it delivered: that is the
 * position such an answer is complete up to, and the signal's consent re-check
 * (ConsentStore.unchanged) asks the server whether anything was stored after it.
 */
export class ConsentKeys {
  private readonly keys = new Set<string>();
  private seq = 0;
  private caughtUp = false;
  private stopWatch: (() => void) | undefined;
  private stopped = false;

  /**
   * Starts following `kv`. `last`: the bucket stream's last sequence, asked before this
   * call: answers start once the watch has delivered it, or said nothing is pending.
   */
  static async follow(kv: KV, last: number, onEnd: (err: unknown) => void = () => {}): Promise<ConsentKeys> {
    const k = new ConsentKeys();
    k.caughtUp = last === 0;
    const watch = await kv.watch({ headers_only: true });
    k.stopWatch = () => watch.stop();
    void (async () => {
      for await (const e of watch) {
        k.keys.add(e.key);
        if (e.revision > k.seq) k.seq = e.revision;
        if (e.revision >= last || e.delta === 0) k.caughtUp = true;
      }
    })().then(
      () => k.stopped || onEnd(undefined), // a stop asked for is no news
      (err: unknown) => onEnd(err),
    ).finally(() => {
      // Not following any more: every read asks the server again.
      k.caughtUp = false;
    });
    return k;
  }

  /**
   * For a key never written: the stream position that is known up to. Undefined when the
   * key has a record (or had one), or while the watch has not caught up: then read it.
   */
  absentUpTo(key: string): number | undefined {
    return this.caughtUp && !this.keys.has(key) ? this.seq : undefined;
  }

  stop(): void {
    this.stopped = true;
    this.caughtUp = false;
    this.stopWatch?.();
  }
}
