import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient, KV } from 'nats';
import type { ConsentFact } from '@samenhang/decision';
import { ChangeWatch, KeyWatch, bindKv, bucketLastSequence, kvByteStore, type KeyChange } from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';
import { ConsentStore } from '../services/consent/src/deciding/consent-store.js';
import { JsonKv } from '../services/consent/src/family/kv-json.js';
import { StreamPosition } from '../services/consent/src/stream-position.js';
import { countingGets } from './helpers/counting-kv.js';
import { Lagging } from './helpers/known-keys.js';
import { startTestStack, type TestStack } from '@samenhang/testkit';
import { until } from './helpers/until.js';

const fact = (consentId: string): ConsentFact => ({
  consentId,
  purpose: 'CHILD_PROTECTION',
  recordedAt: 1,
  registeredBy: 'ggz-oost',
  scope: [],
  status: 'WITHDRAWN',
});

/** The consent service follows who has consents at all, from a real bucket's watch. */
describe('KeyWatch: persons with any consent, followed', () => {
  let t: TestStack;
  let js: JetStreamClient;
  let kv: KV;
  const last = async () => (await bucketLastSequence(js, BUCKETS.CONSENTS))();
  beforeAll(async () => {
    t = await startTestStack({ services: [] });
    js = (await t.connect('broker-admin')).jetstream();
    kv = await bindKv(js, BUCKETS.CONSENTS);
  });
  afterAll(async () => t?.close());

  it('knows the keys written before it started and after, and answers only for the others', async () => {
    const before = await kv.create('ck-before', new TextEncoder().encode('[]'));
    const keys = await KeyWatch.follow(kv, await last());
    try {
      await until(() => keys.absentUpTo('ck-nobody') !== undefined);
      expect(keys.absentUpTo('ck-before')).toBeUndefined();
      expect(keys.absentUpTo('ck-nobody')).toBeGreaterThanOrEqual(before);

      const after = await kv.create('ck-after', new TextEncoder().encode('[]'));
      await until(() => keys.absentUpTo('ck-after') === undefined);
      // Delivered in order: the position for anyone else now covers that write.
      expect(keys.absentUpTo('ck-nobody')).toBeGreaterThanOrEqual(after);
    } finally {
      keys.stop();
    }
    expect(keys.absentUpTo('ck-nobody')).toBeUndefined(); // stopped: every read asks the server
  });

  it('spares the read of a person without consents, and never hides one stored meanwhile', async () => {
    const position = new StreamPosition(await bucketLastSequence(js, BUCKETS.CONSENTS));
    const keys = await KeyWatch.follow(kv, await position.fresh());
    const counted = countingGets(kv);
    const store = new ConsentStore(new JsonKv(counted.kv, 100, () => position.last, keys), position);
    try {
      await until(() => keys.absentUpTo('ck-p-0') !== undefined);
      const none = await store.read('ck-p-0', { cached: true });
      expect(none.facts).toEqual([]);
      expect(counted.gets()).toBe(0);
      expect(await store.unchanged('ck-p-0', none)).toBe(true);

      // Another instance stores a consent for each person just after (or before) our read:
      // whichever way the race falls, the read finds it or the re-check says it changed.
      for (let i = 1; i <= 20; i++) {
        const p = `ck-p-${i}`;
        const writing = new ConsentStore(new JsonKv(kv)).add(p, fact(`c-${i}`));
        if (i % 2 === 0) await writing;
        const read = await store.read(p, { cached: true });
        await writing;
        expect(read.facts.length === 1 || !(await store.unchanged(p, read))).toBe(true);
      }
      // Once followed, such a person's consents are read (by an instance that does not remember them).
      await until(() => keys.absentUpTo('ck-p-20') === undefined);
      const reads = counted.gets();
      const later = new ConsentStore(new JsonKv(counted.kv, 100, () => position.last, keys), position);
      expect((await later.read('ck-p-20', { cached: true })).facts).toHaveLength(1);
      expect(counted.gets()).toBe(reads + 1);
    } finally {
      keys.stop();
    }
  });

  it('lets a byte store create a key it knows is new, and learn from a create that failed', async () => {
    const bytes = new TextEncoder().encode('sealed');
    const raw = await bindKv(js, BUCKETS.VAULT_KEYS);
    const store = kvByteStore(raw, new Lagging());
    expect(kvByteStore(raw).absent('kw-key-1')).toBe(false); // without knowledge: read first
    expect(store.absent('kw-key-0')).toBe(true);
    expect(await store.create('kw-key-0', bytes)).toBe(true);
    expect(store.absent('kw-key-0')).toBe(false);
    await raw.create('kw-key-1', bytes); // another gateway, not seen yet
    expect(store.absent('kw-key-1')).toBe(true);
    expect(await store.create('kw-key-1', bytes)).toBe(false);
    expect(store.absent('kw-key-1')).toBe(false); // the retry reads it
  });

  it('reports removals from a key watch and a change watch, and says when it stops following', async () => {
    const bytes = new TextEncoder().encode('sealed');
    const raw = await bindKv(js, BUCKETS.VAULT_KEYS);
    const removedKeys: string[] = [];
    const ended: unknown[] = [];
    const keys = await KeyWatch.follow(
      raw,
      await (await bucketLastSequence(js, BUCKETS.VAULT_KEYS))(),
      new Set(),
      (e) => ended.push(e),
      (k) => removedKeys.push(k),
    );
    const changes: KeyChange[] = [];
    const records = await bindKv(js, BUCKETS.VAULT);
    const persons = await ChangeWatch.follow(records, (c) => changes.push(c), {
      key: 'person.>',
      onEnd: (e) => ended.push(e),
    });
    try {
      expect(keys.following && persons.following).toBe(true);
      await raw.create('kw-erased', bytes);
      await raw.purge('kw-erased');
      await until(() => removedKeys.length === 1);
      expect(removedKeys).toEqual(['kw-erased']);

      const written = await records.put('person.p-1', bytes);
      await records.put('signal.s-1', bytes); // not under the filter
      await records.purge('person.p-1');
      await until(() => changes.length === 2);
      expect(changes).toEqual([
        { key: 'person.p-1', revision: written, removed: false },
        { key: 'person.p-1', revision: expect.any(Number), removed: true },
      ]);
    } finally {
      keys.stop();
      persons.stop();
    }
    expect(keys.following || persons.following).toBe(false); // what was remembered falls back to its time limit
    await new Promise((r) => setTimeout(r, 200));
    expect(ended).toEqual([]); // a stop asked for is no news
  });

  it('hands over what was written when asked for values, and a removal without one', async () => {
    const records = await bindKv(js, BUCKETS.VAULT);
    const changes: KeyChange[] = [];
    const all = await ChangeWatch.follow(
      records,
      (c) => changes.push({ ...c, ...(c.value ? { value: Uint8Array.from(c.value) } : {}) }),
      { values: true },
    );
    try {
      const sealed = new TextEncoder().encode('sealed content');
      const written = await records.put('signal.v-1', sealed);
      await records.purge('signal.v-1');
      await until(() => changes.length === 2);
      expect(changes).toEqual([
        { key: 'signal.v-1', revision: written, removed: false, value: sealed },
        { key: 'signal.v-1', revision: expect.any(Number), removed: true },
      ]);
    } finally {
      all.stop();
    }
  });
});
