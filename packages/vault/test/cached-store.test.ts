import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryVaultStore, Vault, cacheReads, vaultFreshness } from '@samenhang/vault';

const person = { bsn: '999990007', name: 'M. Visser', birthDate: '1991-05-14' };
const content = {
  summary: 'Rent arrears.',
  contact: { name: 'L. Mulder', phone: '+31 318 000 005', email: '' },
  address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' },
};

/** A memory store that counts reads, to see which reads the cache answered. */
class CountingStore extends MemoryVaultStore {
  reads = 0;
  creates = 0;
  override async get(key: string) {
    this.reads++;
    return super.get(key);
  }
  override async create(key: string, value: Uint8Array) {
    this.creates++;
    return super.create(key, value);
  }
}

afterEach(() => vi.useRealTimers());

/** Answers every read as a small view into a large buffer, as nats.js hands out message data. */
class ViewStore extends MemoryVaultStore {
  readonly chunks: Uint8Array[] = [];
  override async get(key: string) {
    const value = await super.get(key);
    if (!value) return undefined;
    const chunk = new Uint8Array(65_536);
    chunk.set(value, 1000);
    this.chunks.push(chunk);
    return chunk.subarray(1000, 1000 + value.length);
  }
}

describe('cacheReads (sealed bytes only)', () => {
  it("remembers a copy, never a view that would keep the reader's whole buffer alive", async () => {
    const store = new ViewStore();
    await store.put('signal.a', new Uint8Array([1, 2, 3]));
    const cached = cacheReads(store, { freshness: vaultFreshness(60_000), maxBytes: 100_000 });
    await cached.get('signal.a');
    store.chunks[0]!.fill(0); // the socket buffer is reused for the next read
    const again = await cached.get('signal.a');
    expect(store.chunks).toHaveLength(1); // answered from memory
    expect([...again!]).toEqual([1, 2, 3]);
    expect(again!.buffer.byteLength).toBe(3);
  });

  it('reads a signal content from the store once, a person again after its freshness', async () => {
    vi.useFakeTimers();
    const kek = randomBytes(32);
    const keys = new MemoryVaultStore();
    const store = new CountingStore();
    const writer = new Vault(kek, keys, store);
    await writer.putPerson('p_m', person);
    await writer.putSignalContent('ede.1', 'p_m', content);
    const reader = new Vault(kek, keys, cacheReads(store, { freshness: vaultFreshness(60_000), maxBytes: 100_000 }), {
      keyCacheMs: 60_000,
    });
    store.reads = 0;
    for (let i = 0; i < 5; i++) expect(await reader.getSignalContent('ede.1', 'p_m')).toEqual(content);
    expect(store.reads).toBe(1);
    await reader.getPerson('p_m');
    await reader.getPerson('p_m');
    expect(store.reads).toBe(2);
    await writer.putPerson('p_m', { ...person, name: 'M. Visser-de Boer' });
    vi.advanceTimersByTime(60_001);
    expect((await reader.getPerson('p_m'))?.name).toBe('M. Visser-de Boer');
    expect(store.reads).toBe(3);
  });

  it('keeps only ciphertext: after crypto-shredding, a remembered record no longer opens', async () => {
    vi.useFakeTimers();
    const kek = randomBytes(32);
    const keys = new MemoryVaultStore();
    const store = new MemoryVaultStore();
    await new Vault(kek, keys, store).putSignalContent('ede.1', 'p_m', content);
    const reader = new Vault(kek, keys, cacheReads(store, { freshness: vaultFreshness(60_000), maxBytes: 100_000 }), {
      keyCacheMs: 60_000,
    });
    expect(await reader.getSignalContent('ede.1', 'p_m')).toEqual(content);
    await new Vault(kek, keys, store).erasePerson('p_m');
    vi.advanceTimersByTime(60_001); // the reader's data key expires
    await expect(reader.getSignalContent('ede.1', 'p_m')).rejects.toMatchObject({ code: 'ERR_VAULT_KEY_MISSING' });
  });

  it('forgets the least recently used records beyond `maxBytes`, and anything purged', async () => {
    const store = new CountingStore();
    // Each record weighs its key (8), its byte and ~150 of overhead: 8 generations of one record each.
    const cached = cacheReads(store, { freshness: () => Infinity, maxBytes: 8 * 159 });
    const keys = 'abcdefghi'.split('').map((c) => `signal.${c}`);
    for (const k of keys) await cached.put(k, new Uint8Array([1]));
    store.reads = 0;
    await cached.get('signal.i');
    await cached.get('signal.b');
    expect(store.reads).toBe(0);
    await cached.get('signal.a'); // the ninth record pushed it out
    expect(store.reads).toBe(1);
    await cached.purge('signal.i');
    expect(await cached.get('signal.i')).toBeUndefined();
  });

  it('lets a second reader of a record wait for the read under way', async () => {
    const store = new CountingStore();
    await store.put('signal.a', new Uint8Array([7]));
    const cached = cacheReads(store, { freshness: () => 0, maxBytes: 100_000 }); // nothing remembered
    const [x, y] = await Promise.all([cached.get('signal.a'), cached.get('signal.a')]);
    expect(store.reads).toBe(1);
    expect([...x!, ...y!]).toEqual([7, 7]);
    await cached.get('signal.a'); // done: the next one reads again
    expect(store.reads).toBe(2);
  });
});

describe('data keys', () => {
  it('one load serves a signal that stores its subject and its content at once', async () => {
    const keys = new CountingStore();
    const v = new Vault(randomBytes(32), keys, new MemoryVaultStore(), { keyCacheMs: 60_000 });
    await Promise.all([v.putPerson('p_m', person), v.putSignalContent('ede.1', 'p_m', content)]);
    expect(keys.creates).toBe(1);
    expect(keys.reads).toBe(1);
    expect(await v.getSignalContent('ede.1', 'p_m')).toEqual(content);
  });
});
