import { Lru } from '@samenhang/lru';
import type { VaultStore } from './store.js';

/** How long a record's sealed bytes may be remembered: 0 never, Infinity while in memory. */
export type Freshness = (key: string) => number;

/** What a remembered record costs besides its key and bytes (map slot, object, string headers), roughly. */
const ENTRY_OVERHEAD = 150;

/**
 * Remembers sealed bytes read from (or written to) the store, so an alert that shows
 * ten entries does not read ten records again. Only ciphertext is kept: opening it
 * still needs the person's data key, so crypto-shredding a person works as before.
 *
 * Bounded by bytes (`maxBytes`, keys and overhead included), not by a number of records:
 * records are as large as their free text. Kept as one-byte strings: a Uint8Array of its own
 * costs ~400 bytes besides its contents, a string ~30. Eight generations: an alert reads
 * every entry of its system again, and when a system's next signal is a round of all the
 * others away, two generations kept next to nothing (docs/performance.md, stop 19).
 */
export function cacheReads(store: VaultStore, o: { freshness: Freshness; maxBytes: number }): VaultStore {
  const memory = new Lru<string, { sealed: string; until: number }>(o.maxBytes, {
    generations: 8,
    weight: (key, v) => key.length + v.sealed.length + ENTRY_OVERHEAD,
  });
  // Bytes of their own (not a view into Node's shared pool), as a read from the store would be copied.
  const bytes = (sealed: string) => {
    const b = Buffer.allocUnsafeSlow(sealed.length);
    b.write(sealed, 'latin1');
    return b;
  };
  // Reads under way: a second reader of the same record (an alert showing one person in several entries) waits for the first.
  const reading = new Map<string, Promise<Uint8Array | undefined>>();
  const remember = (key: string, value: Uint8Array) => {
    const ttl = o.freshness(key);
    if (ttl > 0) memory.set(key, { sealed: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1'), until: Date.now() + ttl });
  };
  return {
    get(key) {
      const hit = memory.get(key);
      if (hit && hit.until > Date.now()) return Promise.resolve(bytes(hit.sealed));
      const under = reading.get(key);
      if (under) return under;
      const read = store.get(key).then((value) => {
        // Remembered as a copy (a string): bytes read from NATS are a view into the socket's
        // read buffer, and one remembered view would keep that whole buffer alive.
        if (value) remember(key, value);
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
