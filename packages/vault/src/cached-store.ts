import { Lru } from '@samenhang/lru';
import type { VaultStore } from './store.js';

/** How long a record's sealed bytes may be remembered: 0 never, Infinity while in memory. */
export type Freshness = (key: string) => number;

/**
 * Remembers sealed bytes read from (or written to) the store, so an alert that shows
 * ten entries does not read ten records again. Only ciphertext is kept: opening it
 * still needs the person's data key, so crypto-shredding a person works as before.
 */
export function cacheReads(store: VaultStore, o: { freshness: Freshness; max: number }): VaultStore {
  const memory = new Lru<string, { value: Uint8Array; until: number }>(o.max);
  // Reads under way: a second reader of the same record (an alert showing one person in several entries) waits for the first.
  const reading = new Map<string, Promise<Uint8Array | undefined>>();
  const remember = (key: string, value: Uint8Array) => {
    const ttl = o.freshness(key);
    if (ttl > 0) memory.set(key, { value, until: Date.now() + ttl });
  };
  return {
    get(key) {
      const hit = memory.get(key);
      if (hit && hit.until > Date.now()) return Promise.resolve(hit.value);
      const under = reading.get(key);
      if (under) return under;
      const read = store.get(key).then((value) => {
        // A copy: bytes read from NATS are a view into the socket's read buffer, and one
        // remembered view keeps that whole buffer (tens of KB) alive outside the V8 heap.
        if (value) remember(key, new Uint8Array(value));
        else memory.delete(key);
        return value;
      }).finally(() => reading.delete(key));
      reading.set(key, read);
      return read;
    },
    async put(key, value) {
      await store.put(key, value);
      remember(key, value);
    },
    async create(key, value) {
      const created = await store.create(key, value);
      if (created) remember(key, value);
      return created;
    },
    async purge(key) {
      memory.delete(key);
      await store.purge(key);
    },
  };
}

/**
 * The consent service's freshness: a signal's content is written once per signal
 * reference and never changes; a person's record is rewritten by later signals (a
 * corrected name), so it is re-read after `personMs` — as data keys are.
 */
export function vaultFreshness(personMs: number): Freshness {
  return (key) => (key.startsWith('signal.') ? Infinity : key.startsWith('person.') ? personMs : 0);
}
