import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KV } from 'nats';
import { BUCKETS, bindKv } from '@samenhang/stack';
import { Conflict, JsonKv } from '../services/consent/src/kv-json.js';
import { startTestStack, type TestStack } from './helpers/stack.js';

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
    expect(seen).toEqual([['a1', 'a2'], ['a1', 'a2', 'a3']]); // first from memory, then from the server
    expect((await new JsonKv<string[]>(kv).get('k1'))?.value).toEqual(['a1', 'a2', 'a3', 'b1']);
  });

  it('a remembered absence loses against a key created meanwhile', async () => {
    const [a, b] = [new JsonKv<string[]>(kv), new JsonKv<string[]>(kv)];
    expect(await b.get('k2')).toBeUndefined();
    await a.update('k2', () => ['a1']);
    expect(await b.get('k2', { cached: true })).toBeUndefined();
    await expect(b.cas('k2', ['b1'], 0)).rejects.toBeInstanceOf(Conflict);
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
