import type { KV } from 'nats';
import { isCasFailure } from '@samenhang/stack';

/** Thrown when a compare-and-set lost a race; the caller re-reads and tries again. */
export class Conflict extends Error {
  override readonly name = 'Conflict';
}

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const dec = <T>(b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as T;

/** A JSON value in a KV bucket, with its revision for compare-and-set. */
export class JsonKv<T> {
  constructor(readonly kv: KV) {}

  async get(key: string): Promise<{ value: T; revision: number } | undefined> {
    const e = await this.kv.get(key);
    return e && e.operation === 'PUT' ? { value: dec<T>(e.value), revision: e.revision } : undefined;
  }

  /** Writes only if the key is still at `revision` (0: only if absent); else throws Conflict. */
  async cas(key: string, value: T, revision: number): Promise<number> {
    try {
      return revision === 0 ? await this.kv.create(key, enc(value)) : await this.kv.update(key, enc(value), revision);
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
