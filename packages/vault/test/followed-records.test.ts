import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryVaultStore, Vault, cacheReads, vaultFreshness } from '@samenhang/vault';

const person = { bsn: '999990007', name: 'M. Visser', birthDate: '1991-05-14' };
const corrected = { ...person, name: 'M. Visser-de Boer' };
const past = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A memory store that counts reads and writes, and can hold a read until released. */
class CountingStore extends MemoryVaultStore {
  reads = 0;
  puts: string[] = [];
  hold: Promise<void> | undefined;
  override async get(key: string) {
    this.reads++;
    const value = await super.get(key);
    await this.hold;
    return value;
  }
  override async put(key: string, value: Uint8Array) {
    this.puts.push(key);
    return super.put(key, value);
  }
}

describe('cacheReads: person records followed by a watch', () => {
  /** Person records fresh for 20 ms; `watch.on` says whether a watch reports every write. */
  function reader(watch: { on: boolean }) {
    const kek = randomBytes(32);
    const keys = new MemoryVaultStore();
    const store = new CountingStore();
    const cached = cacheReads(store, {
      freshness: vaultFreshness(20),
      maxBytes: 100_000,
      followed: (k) => k.startsWith('person.') && watch.on,
    });
    return {
      writer: new Vault(kek, keys, store),
      cached,
      reader: new Vault(kek, keys, cached, { keyCacheMs: 60_000 }),
      store,
    };
  }

  it('reads a followed record once, however long it is remembered, and again once it is reported written', async () => {
    const { writer, reader: r, cached, store } = reader({ on: true });
    await writer.putPerson('p_m', person);
    store.reads = 0;
    expect(await r.getPerson('p_m')).toEqual(person);
    await past(40);
    expect(await r.getPerson('p_m')).toEqual(person);
    expect(store.reads).toBe(1);
    await writer.putPerson('p_m', corrected);
    cached.changed('person.p_m'); // as the watch reports the write
    expect(await r.getPerson('p_m')).toEqual(corrected);
    expect(store.reads).toBe(2);
  });

  it('reads a record again after its freshness when no watch follows (or it ended)', async () => {
    const watch = { on: true };
    const { writer, reader: r, store } = reader(watch);
    await writer.putPerson('p_m', person);
    await r.getPerson('p_m');
    watch.on = false;
    await writer.putPerson('p_m', corrected); // unreported: the watch has ended
    await past(40);
    expect(await r.getPerson('p_m')).toEqual(corrected);
    expect(store.reads).toBe(2);
  });

  it("trusts a record read while its write was reported only for its freshness; another record's write does not matter", async () => {
    const { writer, reader: r, cached, store } = reader({ on: true });
    await writer.putPerson('p_m', person);
    await writer.putPerson('p_w', corrected);
    /** Reads `pseudonym` while `during` is reported written; then counts reads over the next 40 ms. */
    const readWhile = async (pseudonym: string, during: string) => {
      let release = () => {};
      store.hold = new Promise((resolve) => (release = resolve));
      const read = r.getPerson(pseudonym); // the answer may predate …
      await past(5);
      cached.changed(`person.${during}`); // … a write reported meanwhile (the watch does not say of which value)
      release();
      store.hold = undefined;
      await read;
      store.reads = 0;
      await r.getPerson(pseudonym); // within its freshness
      await past(40);
      await r.getPerson(pseudonym);
      return store.reads;
    };
    expect(await readWhile('p_m', 'p_m')).toBe(1);
    expect(await readWhile('p_w', 'p_other')).toBe(0);
    await writer.putPerson('p_x', person);
    cached.changed('person.p_x'); // reported before any read of it: the read that follows is current
    await r.getPerson('p_x');
    store.reads = 0;
    await past(40);
    await r.getPerson('p_x');
    expect(store.reads).toBe(0);
  });
});

describe('cacheReads: records handed over by a watch', () => {
  const setup = () => {
    const kek = randomBytes(32);
    const keys = new MemoryVaultStore();
    const store = new CountingStore();
    const cached = cacheReads(store, {
      freshness: vaultFreshness(20),
      maxBytes: 100_000,
      followed: (k) => k.startsWith('person.'),
    });
    return {
      writer: new Vault(kek, keys, store),
      cached,
      reader: new Vault(kek, keys, cached, { keyCacheMs: 60_000 }),
      store,
    };
  };

  it('answers from what the watch handed over, without a read, and follows later writes in order', async () => {
    const { writer, reader: r, cached, store } = setup();
    await writer.putPerson('p_m', person);
    const content = {
      summary: 's',
      contact: { name: 'c', phone: '', email: '' },
      address: { postcode: '1234AB', houseNumber: 1, houseNumberSuffix: '' },
    };
    await writer.putSignalContent('ede.1', 'p_m', content);
    await r.getPerson('p_m'); // the reader's data key (a read of the record too)
    store.reads = 0;
    await writer.putPerson('p_m', corrected);
    // As the watch hands over both writes: the content and the corrected record.
    cached.seen('signal.ede.1', (await store.get('signal.ede.1'))!);
    cached.seen('person.p_m', (await store.get('person.p_m'))!);
    store.reads = 0;
    expect(await r.getSignalContent('ede.1', 'p_m')).toEqual(content);
    await past(40); // past the person's freshness: followed, it stays
    expect(await r.getPerson('p_m')).toEqual(corrected);
    expect(store.reads).toBe(0);
  });

  it("keeps a record handed over while a read of it was under way, not the read's older answer", async () => {
    const { writer, reader: r, cached, store } = setup();
    await writer.putPerson('p_m', person);
    await r.getPerson('p_m');
    cached.changed('person.p_m');
    let release = () => {};
    store.hold = new Promise((resolve) => (release = resolve));
    const read = r.getPerson('p_m'); // answered with the record as it was …
    await past(5);
    store.hold = undefined;
    await writer.putPerson('p_m', corrected); // … then corrected, and handed over by the watch
    cached.seen('person.p_m', (await store.get('person.p_m'))!);
    release();
    expect(await read).toEqual(person);
    store.reads = 0;
    expect(await r.getPerson('p_m')).toEqual(corrected);
    expect(store.reads).toBe(0);
  });
});

describe('Vault: person records stored once while a watch follows them', () => {
  /** Keys remembered for 20 ms and followed; `watch.on` says whether records are followed too. */
  function gateway(watch: { on: boolean }) {
    const keys = new MemoryVaultStore();
    const records = new CountingStore();
    const kek = randomBytes(32);
    const v = new Vault(kek, keys, records, {
      keyCacheMs: 20,
      keyCacheMax: 100,
      keysFollowed: () => true,
      recordsFollowed: () => watch.on,
    });
    return { v, records, other: new Vault(kek, keys, records) };
  }

  it('does not store an unchanged record again, however long after', async () => {
    const { v, records } = gateway({ on: true });
    await v.putPerson('p_m', person);
    await past(40);
    await v.putPerson('p_m', person);
    expect(records.puts).toEqual(['person.p_m']);
  });

  it('stores it again after its time limit when records are not followed', async () => {
    const { v, records } = gateway({ on: false });
    await v.putPerson('p_m', person);
    await past(40);
    await v.putPerson('p_m', person);
    expect(records.puts).toHaveLength(2);
  });

  it('keeps its memory when the watch reports its own write, drops it when another stored the record', async () => {
    const { v, records, other } = gateway({ on: true });
    await v.putPerson('p_m', person);
    v.recordChanged('person.p_m', 1); // its own write (the first revision in this store)
    await v.putPerson('p_m', person);
    expect(records.puts).toHaveLength(1);
    await other.putPerson('p_m', corrected); // another gateway: revision 2
    v.recordChanged('person.p_m', 2);
    await v.putPerson('p_m', person);
    expect(records.puts).toHaveLength(3);
    expect(await other.getPerson('p_m')).toEqual(person);
  });

  it("does not remember a write that another's later write overtook before its answer", async () => {
    const { v, records } = gateway({ on: true });
    await v.putPerson('p_m', person); // revision 1; the key is remembered
    v.recordChanged('person.p_m', 1);
    const put = records.put.bind(records);
    records.put = async (k, value) => {
      const revision = await put(k, value); // revision 2 (this vault's corrected record) …
      v.recordChanged('person.p_m', revision + 1); // … reported after another's revision 3
      return revision;
    };
    await v.putPerson('p_m', corrected);
    records.put = put;
    await v.putPerson('p_m', corrected); // another's record is the one stored: store this again
    expect(records.puts).toEqual(['person.p_m', 'person.p_m', 'person.p_m']);
  });
});
