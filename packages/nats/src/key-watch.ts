import type { KV } from 'nats';

/** Keys seen: exact (a Set) or probabilistic (BloomKeys); `has` may say yes wrongly, never no. */
export interface KeySet {
  add(key: string): void;
  has(key: string): boolean;
}

/** What a remembered-reads store asks before it reads a key it does not remember. */
export interface KnownKeys {
  /** For a key never written: the bucket stream position that is known up to; else undefined. */
  absentUpTo(key: string): number | undefined;
  /** The key exists (a write to it succeeded or a create of it failed). */
  saw(key: string): void;
}

/**
 * Which keys of a bucket were ever written, followed from a headers-only watch (keys and
 * revisions, never a value). Most signals are about persons without consents, and most
 * ACUTE signals about a new person at a new address: such a key's first read then needs
 * no request (at 500 new persons a second, one request and one 404 each, per bucket;
 * the consent service follows consents, persons and addresses, the gateway data keys).
 *
 * The watch delivers the bucket's writes in stream order, so once it has caught up, a
 * key it has not seen had no write up to the last sequence it delivered: that is the
 * position such an answer is complete up to (the consent service's re-check asks the
 * server whether anything was stored after it). Another instance's write still on its
 * way makes the answer stale, so an answer may only lead to a create-only write: the
 * create fails, `saw` records the key, and the retry reads it.
 */
export class KeyWatch implements KnownKeys {
  private seq = 0;
  private caughtUp = false;
  private stopWatch: (() => void) | undefined;
  private stopped = false;
  private running = true;

  private constructor(private readonly keys: KeySet) {}

  /**
   * Starts following `kv`. `last`: the bucket stream's last sequence, asked before this
   * call: answers start once the watch has delivered it, or said nothing is pending.
   */
  /**
   * `onRemove`: called for each key deleted or purged (the gateway forgets an erased
   * person's data key at once).
   */
  static async follow(
    kv: KV,
    last: number,
    keys: KeySet = new Set<string>(),
    onEnd: (err: unknown) => void = () => {},
    onRemove?: (key: string) => void,
  ): Promise<KeyWatch> {
    const k = new KeyWatch(keys);
    k.caughtUp = last === 0;
    const watch = await kv.watch({ headers_only: true });
    k.stopWatch = () => watch.stop();
    void (async () => {
      for await (const e of watch) {
        k.keys.add(e.key);
        if (e.operation !== 'PUT') onRemove?.(e.key);
        if (e.revision > k.seq) k.seq = e.revision;
        if (e.revision >= last || e.delta === 0) k.caughtUp = true;
      }
    })()
      .then(
        () => k.stopped || onEnd(undefined), // a stop asked for is no news
        (err: unknown) => onEnd(err),
      )
      .finally(() => {
        // Not following any more: every read asks the server again.
        k.caughtUp = false;
        k.running = false;
      });
    return k;
  }

  /**
   * For a key never written: the stream position that is known up to. Undefined when the
   * key has a value (or had one), or while the watch has not caught up: then read it.
   */
  absentUpTo(key: string): number | undefined {
    return this.caughtUp && !this.keys.has(key) ? this.seq : undefined;
  }

  /** True while the watch runs: every write and removal from here on is reported. */
  get following(): boolean {
    return this.running;
  }

  saw(key: string): void {
    this.keys.add(key);
  }

  stop(): void {
    this.stopped = true;
    this.caughtUp = false;
    this.running = false;
    this.stopWatch?.();
  }
}
