import type { KV } from 'nats';
import { isSamenhangError, SamenhangError } from '@samenhang/errors';
import { Lru } from '@samenhang/lru';
import { isCasFailure, type ExtraHeaders, type KnownKeys, type StampedWrites } from '@samenhang/nats';

/** A compare-and-set lost a race (ERR_CONFLICT): the caller re-reads and tries again. */
export const conflict = (message: string): SamenhangError => new SamenhangError('ERR_CONFLICT', message);
export const isConflict = (e: unknown): boolean => isSamenhangError(e, 'ERR_CONFLICT');

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const dec = <T>(b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as T;

export interface Read<T> {
  readonly value: T;
  readonly revision: number;
}

/**
 * A remembered read: `value` undefined means the key was absent (revision 0). `at`: a
 * bucket stream position the value is complete up to (no write to this key with a
 * sequence at or below it is missing), see `getAt`.
 */
type Remembered<T> = { readonly revision: number; readonly value: T | undefined; readonly at: number };

/** A read and the stream position it is complete up to. */
export interface ReadAt<T> {
  readonly found: Read<T> | undefined;
  readonly at: number;
}

/**
 * A JSON value in a KV bucket, with its revision for compare-and-set, and an LRU
 * memory of what this process last read or wrote (callers treat values as immutable).
 *
 * `get(key)` asks the server; `get(key, { cached: true })` may answer from memory.
 * A remembered value can be stale only when another instance wrote since, and every
 * write is a compare-and-set on the remembered revision: a stale read makes the write
 * fail, the key is forgotten, and the retry reads it fresh. So cached reads are for
 * values that lead to a write (or never change); a check that must see another
 * instance's write (the consent re-read, the consent handler's pictures) asks the server.
 */
export class JsonKv<T> {
  private readonly memory: Lru<string, Remembered<T>>;

  /**
   * `position`: the bucket stream's last sequence as last known (StreamPosition.last),
   * for `getAt`; without it a read is known complete only up to its own revision.
   * `known`: which keys were ever written (KeyWatch): a cached read of any other key is
   * answered "absent" without a request.
   * `stamp`: headers each write carries, computed from the value written (read back by a
   * headers-only pass, `lastHeaders`). They need a `leanKv`; nats.js's KV drops them.
   */
  constructor(
    readonly kv: KV,
    cacheSize = 256,
    private readonly position: () => number = () => 0,
    private readonly known?: KnownKeys,
    private readonly stamp?: (value: T) => ExtraHeaders | undefined,
  ) {
    this.memory = new Lru(cacheSize);
  }

  /** The heap runs short: forget the older half of what is remembered. Returns how many keys. */
  shrink(): number {
    return this.memory.shrink();
  }

  async get(key: string, o: { cached?: boolean } = {}): Promise<Read<T> | undefined> {
    return (await this.getAt(key, o)).found;
  }

  /**
   * A read and the stream position it is complete up to: a read sent after the server
   * answered position P sees every write up to P; a value of our own write is complete
   * up to its revision. If the stream's last sequence is still at or below `at` later,
   * the value was still current then.
   */
  async getAt(key: string, o: { cached?: boolean } = {}): Promise<ReadAt<T>> {
    const hit = o.cached ? this.memory.get(key) : undefined;
    if (hit) {
      this.remember(key, hit);
      return { found: hit.value === undefined ? undefined : { value: hit.value, revision: hit.revision }, at: hit.at };
    }
    const none = o.cached ? this.known?.absentUpTo(key) : undefined;
    if (none !== undefined) return { found: undefined, at: none };
    const position = this.position();
    const e = await this.kv.get(key);
    const revision = e?.revision ?? 0;
    const known = this.memory.get(key);
    // Our own write may have landed after this read was answered: keep the newer revision
    // (and reuse the parsed value of the same revision).
    const at = Math.max(position, revision);
    const r: Remembered<T> =
      known && known.revision > revision
        ? known
        : known && known.revision === revision && known.value !== undefined
          ? known.at >= at
            ? known
            : { ...known, at }
          : { revision, value: e && e.operation === 'PUT' ? dec<T>(e.value) : undefined, at };
    this.remember(key, r);
    return { found: r.value === undefined ? undefined : { value: r.value, revision: r.revision }, at: r.at };
  }

  /** Memory never goes back to an older revision than it holds (reads and writes may finish out of order). */
  private remember(key: string, r: Remembered<T>): void {
    const known = this.memory.get(key);
    if (known !== r) this.memory.set(key, known && known.revision > r.revision ? known : r);
  }

  /** Forgets a key: its next read asks the server. */
  forget(key: string): void {
    this.memory.delete(key);
  }

  /** Writes only if the key is still at `revision` (0: only if absent); else throws ERR_CONFLICT. */
  async cas(key: string, value: T, revision: number): Promise<number> {
    try {
      const kv = this.kv as KV & StampedWrites;
      const extra = this.stamp?.(value);
      const next =
        revision === 0 ? await kv.create(key, enc(value), extra) : await kv.update(key, enc(value), revision, extra);
      this.remember(key, { revision: next, value, at: next });
      this.known?.saw(key);
      return next;
    } catch (e) {
      this.forget(key);
      if (isCasFailure(e)) {
        this.known?.saw(key); // it exists: the retry must read it, whatever the watch has delivered
        throw conflict(`${key} changed concurrently`);
      }
      throw e;
    }
  }

  /**
   * Read-modify-write until it sticks: the first attempt starts from memory, every
   * later one from the server. `change` returns the new value, or undefined for
   * "nothing to do"; it may run several times, so it must be a pure function.
   */
  async update(key: string, change: (current: T | undefined) => T | undefined, attempts = 50): Promise<T | undefined> {
    for (let i = 0; i < attempts; i++) {
      const current = await this.get(key, { cached: i === 0 });
      const next = change(current?.value);
      if (next === undefined) return current?.value;
      try {
        await this.cas(key, next, current?.revision ?? 0);
        return next;
      } catch (e) {
        if (!isConflict(e)) throw e;
      }
    }
    throw conflict(`${key}: too many concurrent updates`);
  }

  async keys(): Promise<string[]> {
    const out: string[] = [];
    for await (const k of await this.kv.keys()) out.push(k);
    return out;
  }
}
