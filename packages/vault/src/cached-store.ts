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
 * others away, two generations kept next to nothing (docs/history/performance-rounds.md).
 */
export interface CachedReads extends VaultStore {
  /** A watch saw the record written or removed (here or elsewhere): forget what was remembered of it. */
  changed(key: string): void;
  /**
   * A watch handed over the record as written (here or elsewhere): remember it as a read of
   * it would be. Records are followed in the order they were written, so the last one handed
   * over is the one stored.
   */
  seen(key: string, value: Uint8Array): void;
  /** The heap runs short: forget the older half of what is remembered. Returns how many records. */
  shrink(): number;
}

export function cacheReads(
  store: VaultStore,
  o: {
    freshness: Freshness;
    maxBytes: number;
    /**
     * True while a watch calls `changed` for every write of this key: a remembered record then
     * stays valid past its freshness, until the watch reports it changed (or it is forgotten for room).
     */
    followed?: (key: string) => boolean;
  },
): CachedReads {
  const memory = new Lru<string, { sealed: string; until: number; followed: boolean }>(o.maxBytes, {
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
  const following = o.followed ?? (() => false);
  // Records reported changed while being read: the answer may be older than the change, so it
  // is trusted only for its freshness (the watch does not say which value a change wrote).
  // Per record, not a count of all changes: at the defaults records change 0.7 times a signal
  // with tens of reads under way, and a count distrusted nearly every read.
  const changedWhileRead = new Set<string>();
  const remember = (key: string, value: Uint8Array, followed: boolean) => {
    const ttl = o.freshness(key);
    if (ttl > 0)
      memory.set(key, {
        sealed: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1'),
        until: Date.now() + ttl,
        followed,
      });
  };
  return {
    get(key) {
      const hit = memory.get(key);
      if (hit && (hit.until > Date.now() || (hit.followed && following(key))))
        return Promise.resolve(bytes(hit.sealed));
      const under = reading.get(key);
      if (under) return under;
      const followed = following(key); // at the start: a watch ending later ends the trust too
      const read = store
        .get(key)
        .then((value) => {
          // Remembered as a copy (a string): bytes read from NATS are a view into the socket's
          // read buffer, and one remembered view would keep that whole buffer alive.
          // A watch that handed over a write while this read was under way has put that record
          // in memory; the watch hands over every write in order, so memory ends with the last.
          if (value) {
            if (!(changedWhileRead.has(key) && memory.has(key)))
              remember(key, value, followed && !changedWhileRead.has(key));
          } else if (!changedWhileRead.has(key)) memory.delete(key);
          return value;
        })
        .finally(() => {
          reading.delete(key);
          changedWhileRead.delete(key);
        });
      reading.set(key, read);
      return read;
    },
    async put(key, value) {
      const revision = await store.put(key, value);
      remember(key, value, false); // this writer's own value: another may follow it unseen
      return revision;
    },
    async create(key, value) {
      const created = await store.create(key, value);
      if (created) remember(key, value, false);
      return created;
    },
    async purge(key) {
      memory.delete(key);
      await store.purge(key);
    },
    async erase(key) {
      memory.delete(key);
      await (store.erase ? store.erase(key) : store.purge(key));
    },
    changed(key) {
      if (reading.has(key)) changedWhileRead.add(key);
      memory.delete(key);
    },
    seen(key, value) {
      if (reading.has(key)) changedWhileRead.add(key);
      memory.delete(key);
      remember(key, value, following(key));
    },
    shrink: () => memory.shrink(),
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
