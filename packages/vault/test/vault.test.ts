import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryVaultStore, Vault, open, seal } from '@samenhang/vault';

const person = { bsn: '999990007', name: 'M. Visser', birthDate: '1991-05-14' };
const content = {
  summary: 'Rent arrears.',
  contact: { name: 'L. Mulder', phone: '+31 318 000 005', email: '' },
  address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' },
};

function vault(kek = randomBytes(32)) {
  const keys = new MemoryVaultStore();
  const records = new MemoryVaultStore();
  return { v: new Vault(kek, keys, records), keys, records, kek };
}

describe('seal/open (AES-256-GCM)', () => {
  const key = randomBytes(32);
  it('round-trips', () => expect(Buffer.from(open(key, 'a', seal(key, 'a', Buffer.from('hi')))).toString()).toBe('hi'));
  it('never gives two seals the same IV, across the blocks IVs are cut from', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const sealed = seal(key, 'a', Buffer.from(`hi ${i}`));
      ivs.add(Buffer.from(sealed.subarray(1, 13)).toString('hex'));
      expect(Buffer.from(open(key, 'a', sealed)).toString()).toBe(`hi ${i}`);
    }
    expect(ivs.size).toBe(1000);
  });
  it('refuses another AAD (a ciphertext moved to another record)', () =>
    expect(() => open(key, 'b', seal(key, 'a', Buffer.from('hi')))).toThrow(
      expect.objectContaining({ code: 'ERR_VAULT_DECRYPT' }),
    ));
  it('refuses a flipped bit', () => {
    const s = Buffer.from(seal(key, 'a', Buffer.from('hi')));
    s[s.length - 1]! ^= 1;
    expect(() => open(key, 'a', s)).toThrow(expect.objectContaining({ code: 'ERR_VAULT_DECRYPT' }));
  });
  it('returns bytes of their own, not a view into the shared pool (a remembered 32-byte key must not hold 8 KB)', () => {
    const opened = open(key, 'k', seal(key, 'k', randomBytes(32)));
    expect(opened.byteLength).toBe(32);
    expect(opened.buffer.byteLength).toBe(32);
  });
  it('uses a fresh IV each time', () =>
    expect(Buffer.from(seal(key, 'a', Buffer.from('hi'))).equals(Buffer.from(seal(key, 'a', Buffer.from('hi'))))).toBe(
      false,
    ));
});

describe('Vault', () => {
  it('stores persons and content encrypted, and reads them back', async () => {
    const { v, records, keys } = vault();
    await v.putPerson('p_m', person);
    await v.putSignalContent('ede.1', 'p_m', content);
    expect(await v.getPerson('p_m')).toEqual(person);
    expect(await v.getSignalContent('ede.1', 'p_m')).toEqual(content);
    const stored = [...records.data.values(), ...keys.data.values()]
      .map((b) => Buffer.from(b).toString('latin1'))
      .join();
    for (const plain of ['999990007', 'M. Visser', 'Rent arrears', '6717CD', 'Mulder'])
      expect(stored).not.toContain(plain);
  });
  it('gives each person their own data key', async () => {
    const { v, keys } = vault();
    await v.putPerson('p_a', person);
    await v.putPerson('p_b', person);
    expect(keys.data.size).toBe(2);
  });
  it('erases a person by crypto-shredding: their records become unreadable, others stay', async () => {
    const { v, records } = vault();
    await v.putPerson('p_m', person);
    await v.putSignalContent('ede.1', 'p_m', content);
    await v.putPerson('p_f', { ...person, bsn: '999990019' });
    await v.erasePerson('p_m');
    // The person's record is erased with the key; what else was under the key cannot be opened.
    expect(records.data.has('person.p_m')).toBe(false);
    expect(await v.getPerson('p_m')).toBeUndefined();
    await expect(v.getSignalContent('ede.1', 'p_m')).rejects.toMatchObject({ code: 'ERR_VAULT_KEY_MISSING' });
    expect((await v.getPerson('p_f'))?.bsn).toBe('999990019');
  });
  it("erases one signal's content (a withdrawal, retention ended): it is gone, the subject's other signal and record stay", async () => {
    const { v, records } = vault();
    await v.putPerson('p_m', person);
    await v.putSignalContent('ede.1', 'p_m', content);
    await v.putSignalContent('ede.2', 'p_m', { ...content, summary: 'Other.' });
    await v.eraseSignalContent('ede.1');
    expect(records.data.has('signal.ede.1')).toBe(false);
    expect(await v.getSignalContent('ede.1', 'p_m')).toBeUndefined();
    expect((await v.getSignalContent('ede.2', 'p_m'))?.summary).toBe('Other.');
    expect((await v.getPerson('p_m'))?.name).toBe(person.name);
    await v.eraseSignalContent('ede.1'); // repeated: harmless
  });
  it("erases a person's key and record with the store's secure erase where it has one", async () => {
    const { v, keys, records } = vault();
    const erased: string[] = [];
    for (const s of [keys, records])
      Object.assign(s, { erase: async (k: string) => (erased.push(k), s.data.delete(k)) });
    await v.putPerson('p_m', person);
    await v.putSignalContent('ede.1', 'p_m', content);
    await v.eraseSignalContent('ede.1');
    await v.erasePerson('p_m');
    expect(erased).toEqual(['signal.ede.1', 'p_m', 'person.p_m']);
    expect([...keys.data.keys(), ...records.data.keys()]).toEqual([]);
  });
  it('cannot be read with another broker key', async () => {
    const a = vault();
    await a.v.putPerson('p_m', person);
    const b = new Vault(randomBytes(32), a.keys, a.records);
    await expect(b.getPerson('p_m')).rejects.toMatchObject({ code: 'ERR_VAULT_DECRYPT' });
  });
  it('agrees on one data key when two writers race for a new person', async () => {
    const keys = new MemoryVaultStore();
    const records = new MemoryVaultStore();
    const kek = randomBytes(32);
    const [x, y] = [new Vault(kek, keys, records), new Vault(kek, keys, records)];
    await Promise.all([x.putPerson('p_m', person), y.putSignalContent('ede.1', 'p_m', content)]);
    expect(await x.getSignalContent('ede.1', 'p_m')).toEqual(content);
    expect(await y.getPerson('p_m')).toEqual(person);
  });

  describe('a person named again while their key is remembered', () => {
    /** A vault remembering keys for `ms`, over stores that count their writes. */
    function counted(ms: number) {
      const keys = new MemoryVaultStore();
      const records = new MemoryVaultStore();
      const puts: string[] = [];
      const put = records.put.bind(records);
      records.put = async (k, v) => (puts.push(k), put(k, v));
      return { v: new Vault(randomBytes(32), keys, records, { keyCacheMs: ms }), keys, records, puts };
    }

    it('is not written again when the record is the same', async () => {
      const { v, puts } = counted(60_000);
      for (let i = 0; i < 5; i++) await v.putPerson('p_m', person);
      expect(puts).toEqual(['person.p_m']);
      expect(await v.getPerson('p_m')).toEqual(person);
    });

    it('is written again when the record changed (a corrected name), and reads back changed', async () => {
      const { v, puts } = counted(60_000);
      await v.putPerson('p_m', person);
      await v.putPerson('p_m', { ...person, name: 'M. Visser-de Boer' });
      await v.putPerson('p_m', person);
      expect(puts).toHaveLength(3);
      expect(await v.getPerson('p_m')).toEqual(person);
    });

    it('is written every time when keys are not remembered', async () => {
      const { v, puts } = counted(0);
      await v.putPerson('p_m', person);
      await v.putPerson('p_m', person);
      expect(puts).toHaveLength(2);
    });

    it('is written again once the key memory expired', async () => {
      const { v, puts } = counted(20);
      await v.putPerson('p_m', person);
      await new Promise((r) => setTimeout(r, 40));
      await v.putPerson('p_m', person);
      expect(puts).toHaveLength(2);
    });

    it('is written again, under a new key, after an erasure here', async () => {
      const { v, puts, keys } = counted(60_000);
      await v.putPerson('p_m', person);
      await v.erasePerson('p_m');
      await v.putPerson('p_m', person);
      expect(puts).toHaveLength(2);
      expect(keys.data.size).toBe(1);
      expect(await v.getPerson('p_m')).toEqual(person); // readable: sealed under the new key
    });
  });
});

/** A key store that can say a key was never written, rightly or (another writer's create not yet seen) wrongly. */
class KnowingStore extends MemoryVaultStore {
  gets = 0;
  believedAbsent = new Set<string>();
  override async get(key: string) {
    this.gets++;
    return super.get(key);
  }
  absent(key: string) {
    return this.believedAbsent.has(key);
  }
}

describe('Vault: a store that knows which keys are new', () => {
  it("creates a new person's data key without reading first", async () => {
    const keys = new KnowingStore();
    keys.believedAbsent.add('p-new');
    const v = new Vault(randomBytes(32), keys, new MemoryVaultStore());
    await v.putSignalContent('ref-1', 'p-new', content);
    expect(keys.gets).toBe(0);
    expect(keys.data.has('p-new')).toBe(true);
    await v.putSignalContent('ref-2', 'p-old', content); // not known to be new: read first
    expect(keys.gets).toBe(1);
  });

  it('uses the existing key when the knowledge was stale, so what others stored stays readable', async () => {
    const kek = randomBytes(32);
    const keys = new KnowingStore();
    const records = new MemoryVaultStore();
    await new Vault(kek, keys, records).putPerson('p-1', person); // another gateway created p-1's key
    keys.believedAbsent.add('p-1'); // this one has not seen that yet
    const v = new Vault(kek, keys, records);
    await v.putSignalContent('ref-1', 'p-1', content);
    const reader = new Vault(kek, keys, records);
    expect(await reader.getPerson('p-1')).toEqual(person);
    expect(await reader.getSignalContent('ref-1', 'p-1')).toEqual(content);
  });
});

describe('Vault: data keys followed by a watch of erasures', () => {
  /** Keys remembered for 20 ms; `following` says whether a watch reports every purge. */
  function followed(following: { on: boolean }) {
    const keys = new KnowingStore();
    const records = new MemoryVaultStore();
    const kek = randomBytes(32);
    return {
      v: new Vault(kek, keys, records, { keyCacheMs: 20, keyCacheMax: 1_000, keysFollowed: () => following.on }),
      keys,
      records,
      kek,
    };
  }
  const past = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('reads a followed key once, however long it is remembered', async () => {
    const { v, keys } = followed({ on: true });
    await v.putSignalContent('s1', 'p_m', content);
    keys.gets = 0;
    expect(await v.getSignalContent('s1', 'p_m')).toEqual(content);
    await past(40);
    expect(await v.getSignalContent('s1', 'p_m')).toEqual(content);
    expect(keys.gets).toBe(0);
  });

  it('reads the key again after its time limit when no watch follows (or it ended)', async () => {
    const following = { on: true };
    const { v, keys } = followed(following);
    await v.putSignalContent('s1', 'p_m', content);
    following.on = false; // the watch ended: what it would have reported is not known
    await past(40);
    keys.gets = 0;
    await v.getSignalContent('s1', 'p_m');
    expect(keys.gets).toBe(1);
  });

  it('forgets a key at once when its purge is reported: what was under it is unreadable', async () => {
    const { v, keys } = followed({ on: true });
    await v.putSignalContent('s1', 'p_m', content);
    await keys.purge('p_m'); // erased elsewhere (another instance, an operator)
    v.keyRemoved('p_m');
    await expect(v.getSignalContent('s1', 'p_m')).rejects.toMatchObject({ code: 'ERR_VAULT_KEY_MISSING' });
  });

  it('uses a key handed over by the watch without reading it; its purge, reported after, still erases', async () => {
    const { v, keys, records, kek } = followed({ on: true });
    await new Vault(kek, keys, records).putSignalContent('s1', 'p_m', content); // a gateway made the key
    v.keySeen('p_m', (await keys.get('p_m'))!); // as the watch hands over the key's write
    keys.gets = 0;
    expect(await v.getSignalContent('s1', 'p_m')).toEqual(content);
    await past(40);
    expect(await v.getSignalContent('s1', 'p_m')).toEqual(content);
    expect(keys.gets).toBe(0);
    v.keySeen('p_other', randomBytes(60)); // not wrapped by this broker's key: ignored
    await keys.purge('p_m');
    v.keyRemoved('p_m');
    await expect(v.getSignalContent('s1', 'p_m')).rejects.toMatchObject({ code: 'ERR_VAULT_KEY_MISSING' });
  });

  it('trusts a key read while an erasure was reported only for its time limit', async () => {
    const { v, keys, records, kek } = followed({ on: true });
    await new Vault(kek, keys, records).putSignalContent('s1', 'p_m', content); // stored by another instance
    const read = v.getSignalContent('s1', 'p_m'); // its key read under way …
    v.keyRemoved('p_other'); // … when a purge is reported: the answer may predate it
    expect(await read).toEqual(content);
    keys.gets = 0;
    await v.getSignalContent('s1', 'p_m');
    expect(keys.gets).toBe(0); // within the time limit
    await past(40);
    await v.getSignalContent('s1', 'p_m');
    expect(keys.gets).toBe(1);
  });
});
