import type { KV } from 'nats';
import { isCasFailure } from '@samenhang/stack';

/** Thrown when a compare-and-set lost a race; the caller re-reads and tries again. */
export class Conflict extends Error {
  override readonly name = 'Conflict';
}

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const dec = <T>(b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as T;

/**
 * A JSON value in a KV bucket, with its revision for compare-and-set. Parsed values
 * are kept by revision (a picture is read several times per signal, and parsing it
 * was the service's largest CPU cost): callers treat values as immutable.
 */
export class JsonKv<T> {
  private readonly parsed = new Map<string, { revision: number; value: T }>();

  constructor(readonly kv: KV, private readonly cacheSize = 256) {}

  async get(key: string): Promise<{ value: T; revision: number } | undefined> {
    const e = await this.kv.get(key);
    if (!e || e.operation !== 'PUT') {
      this.parsed.delete(key);
      return undefined;
    }
    const hit = this.parsed.get(key);
    if (hit?.revision === e.revision) return { value: hit.value, revision: e.revision };
    const value = dec<T>(e.value);
    this.remember(key, e.revision, value);
    return { value, revision: e.revision };
  }

  private remember(key: string, revision: number, value: T): void {
    this.parsed.delete(key); // re-inserted last: the map's order is least recently used first
    this.parsed.set(key, { revision, value });
    if (this.parsed.size > this.cacheSize) this.parsed.delete(this.parsed.keys().next().value!);
  }

  /** Writes only if the key is still at `revision` (0: only if absent); else throws Conflict. */
  async cas(key: string, value: T, revision: number): Promise<number> {
    try {
      const next = revision === 0 ? await this.kv.create(key, enc(value)) : await this.kv.update(key, enc(value), revision);
      this.remember(key, next, value);
      return next;
    } catch (e) {
      if (isCasFailure(e)) throw new Conflict(`${key} changed concurrently`);
      throw e;
    }
  }

  /**
   * Read-modify-write until it sticks. `change` returns the new value, or undefined
   * for "nothing to do"; it may run several times, so it must be a pure function.
   */
  async update(key: string, change: (current: T | undefined) => T | undefined, attempts = 50): Promise<T | undefined> {
    for (let i = 0; i < attempts; i++) {
      const current = await this.get(key);
      const next = change(current?.value);
      if (next === undefined) return current?.value;
      try {
        await this.cas(key, next, current?.revision ?? 0);
        return next;
      } catch (e) {
        if (!(e instanceof Conflict)) throw e;
      }
    }
    throw new Conflict(`${key}: too many concurrent updates`);
  }

  async keys(): Promise<string[]> {
    const out: string[] = [];
    for await (const k of await this.kv.keys()) out.push(k);
    return out;
  }
}
