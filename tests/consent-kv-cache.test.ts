import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KV } from 'nats';
import type { ConsentFact } from '@samenhang/decision';
import { bindKv, bucketLastSequence } from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';
import { ConsentStore } from '../services/consent/src/deciding/consent-store.js';
import { JsonKv } from '../services/consent/src/family/kv-json.js';
import { StreamPosition } from '../services/consent/src/stream-position.js';
import { countingGets } from './helpers/counting-kv.js';
import { startTestStack, type TestStack } from '@samenhang/testkit';

/**
 * The consent service answers most reads from memory and relies on compare-and-set to
 * catch a stale one. Two JsonKv over one real bucket play two consent instances.
 */
describe('JsonKv: remembered reads, compare-and-set on the remembered revision', () => {
  let t: TestStack;
  let kv: KV;
  beforeAll(async () => {
    t = await startTestStack({ services: [] });
    kv = await bindKv((await t.connect('broker-admin')).jetstream(), BUCKETS.CONSENTS);
  });
  afterAll(async () => t?.close());

  it('a stale remembered value loses its write, and the retry starts from the server', async () => {
    const [a, b] = [new JsonKv<string[]>(kv), new JsonKv<string[]>(kv)];
    await a.update('k1', () => ['a1']);
    expect((await b.get('k1'))?.value).toEqual(['a1']);
    await a.update('k1', (v = []) => [...v, 'a2']);
    // b remembers the old revision: no round trip, and stale.
    expect((await b.get('k1', { cached: true }))?.value).toEqual(['a1']);
    expect((await b.get('k1'))?.value).toEqual(['a1', 'a2']);
    await a.update('k1', (v = []) => [...v, 'a3']);
    const seen: string[][] = [];
    await b.update('k1', (v = []) => (seen.push(v), [...v, 'b1']));
    expect(seen).toEqual([
      ['a1', 'a2'],
      ['a1', 'a2', 'a3'],
    ]); // first from memory, then from the server
    expect((await new JsonKv<string[]>(kv).get('k1'))?.value).toEqual(['a1', 'a2', 'a3', 'b1']);
  });

  it('a remembered absence loses against a key created meanwhile', async () => {
    const [a, b] = [new JsonKv<string[]>(kv), new JsonKv<string[]>(kv)];
    expect(await b.get('k2')).toBeUndefined();
    await a.update('k2', () => ['a1']);
    expect(await b.get('k2', { cached: true })).toBeUndefined();
    await expect(b.cas('k2', ['b1'], 0)).rejects.toMatchObject({ code: 'ERR_CONFLICT' });
    expect((await b.get('k2', { cached: true }))?.value).toEqual(['a1']); // forgotten after the lost write
    await b.update('k2', (v = []) => [...v, 'b1']);
    expect((await a.get('k2'))?.value).toEqual(['a1', 'b1']);
  });

  it('forgets the least recently used key beyond its size', async () => {
    const small = new JsonKv<string[]>(kv, 2);
    const other = new JsonKv<string[]>(kv);
    for (const k of ['k3', 'k4', 'k5']) await small.update(k, () => [k]);
    for (const k of ['k3', 'k4', 'k5']) await other.update(k, (v = []) => [...v, 'x']);
    expect((await small.get('k5', { cached: true }))?.value).toEqual(['k5']); // remembered
    expect((await small.get('k3', { cached: true }))?.value).toEqual(['k3', 'x']); // evicted: read afresh
  });
});

const fact = (consentId: string): ConsentFact => ({
  consentId,
  registeredBy: 'ggz-centraal',
  purpose: 'SAFETY_ASSESSMENT',
  scope: ['summary'],
  status: 'GIVEN',
  recordedAt: 0,
});

describe('ConsentStore.unchanged: the consent re-check after a signal stored its entry', () => {
  let t: TestStack;
  let kv: KV;
  let position: () => Promise<number>;
  beforeAll(async () => {
    t = await startTestStack({ services: [] });
    const js = (await t.connect('broker-admin')).jetstream();
    kv = await bindKv(js, BUCKETS.CONSENTS);
    position = await bucketLastSequence(js, BUCKETS.CONSENTS);
  });
  afterAll(async () => t?.close());

  const instance = (k: KV) => {
    const at = new StreamPosition(position);
    return new ConsentStore(new JsonKv<ConsentFact[]>(k, 100, () => at.last), at);
  };

  it('with no consent stored since the read, says so without reading the key again', async () => {
    const c = countingGets(kv);
    const store = instance(c.kv);
    await store.unchanged('p0', await store.read('p0')); // learns where the stream stands
    const r = await store.read('p1');
    const reads = c.gets();
    expect(await store.unchanged('p1', r)).toBe(true);
    expect(await store.unchanged('p1', await store.read('p1', { cached: true }))).toBe(true);
    expect(c.gets()).toBe(reads);
  });

  it('a consent another instance stored after the read is seen, even for a remembered read', async () => {
    const c = countingGets(kv);
    const [a, b] = [instance(c.kv), instance(kv)];
    await b.add('p1', fact('c-0')); // the stream is somewhere
    await a.unchanged('p0', await a.read('p0')); // and a learns where
    const r = await a.read('p2'); // complete up to that position
    expect(r.at).toBeGreaterThan(0);
    const remembered = await a.read('p2', { cached: true });
    await b.add('p2', fact('c-1'));
    expect(await a.unchanged('p2', r)).toBe(false);
    expect(await a.unchanged('p2', remembered)).toBe(false);
    // Read again, the record is there and the check holds again without another read.
    const again = await a.read('p2');
    expect(again.facts.map((f) => f.consentId)).toEqual(['c-1']);
    const reads = c.gets();
    expect(await a.unchanged('p2', again)).toBe(true);
    expect(c.gets()).toBe(reads);
  });

  it("another person's consent moves the stream: the key is read, and the answer still holds", async () => {
    const c = countingGets(kv);
    const [a, b] = [instance(c.kv), instance(kv)];
    const r = await a.read('p3');
    await b.add('p4', fact('c-2'));
    const reads = c.gets();
    expect(await a.unchanged('p3', r)).toBe(true);
    expect(c.gets()).toBe(reads + 1);
  });

  it('its own write is complete up to its revision', async () => {
    const c = countingGets(kv);
    const a = instance(c.kv);
    await a.add('p5', fact('c-3'));
    const r = await a.read('p5', { cached: true });
    const reads = c.gets();
    expect(await a.unchanged('p5', r)).toBe(true);
    expect(c.gets()).toBe(reads);
  });
});
