import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AckPolicy, type KV, type KvEntry, type NatsConnection } from 'nats';
import {
  bindKv,
  forEachLast,
  isCasFailure,
  isTransientNatsError,
  lastHeaders,
  leanKv,
  serialWrites,
  type StampedWrites,
} from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';
import { startTestStack, type TestStack } from '@samenhang/testkit';

const bytes = (s: string) => new TextEncoder().encode(s);
const shape = (e: KvEntry | null) =>
  e && {
    bucket: e.bucket,
    key: e.key,
    value: e.string(),
    revision: e.revision,
    operation: e.operation,
    length: e.length,
  };
const failure = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as Error & { code?: string; api_error?: { err_code?: number } },
  );

/**
 * The services' buckets read and write through bare requests (leanKv): every answer and
 * every error must be what nats.js's own KV gives on the same real bucket, because the
 * callers' compare-and-set retries and transient-error handling rest on them.
 */
describe('leanKv answers as nats.js KV does', () => {
  let t: TestStack;
  let nc: NatsConnection;
  let natsKv: KV;
  let lean: KV;
  const bucket = BUCKETS.PICTURES;
  beforeAll(async () => {
    t = await startTestStack({ services: [] });
    nc = await t.connect('broker-admin');
    natsKv = await nc.jetstream().views.kv(bucket, { bindOnly: true, allow_direct: true });
    lean = leanKv(nc, natsKv, bucket, true);
  });
  afterAll(async () => t?.close());

  it('reads what was written, absent keys, and deletion and purge markers', async () => {
    const rev = await lean.put('lk-a', bytes('{"x":1}'));
    expect(rev).toBeGreaterThan(0);
    expect(shape(await lean.get('lk-a'))).toEqual(shape(await natsKv.get('lk-a')));
    expect((await lean.get('lk-a'))?.revision).toBe(rev);
    expect((await lean.get('lk-a'))?.json()).toEqual({ x: 1 });
    expect(Math.abs(Date.now() - (await lean.get('lk-a'))!.created.getTime())).toBeLessThan(60_000);
    expect(await lean.get('lk-never')).toBeNull();
    expect(await natsKv.get('lk-never')).toBeNull();
    await natsKv.delete('lk-a');
    expect(shape(await lean.get('lk-a'))).toEqual(shape(await natsKv.get('lk-a')));
    expect((await lean.get('lk-a'))?.operation).toBe('DEL');
    await lean.put('lk-b', bytes('b'));
    await natsKv.purge('lk-b');
    expect((await lean.get('lk-b'))?.operation).toBe('PURGE');
  });

  it('a lost compare-and-set fails as nats.js fails it, and the right revision wins', async () => {
    const first = await lean.create('lk-c', bytes('1'));
    const natsLost = await failure(natsKv.update('lk-c', bytes('n'), first + 1000));
    const leanLost = await failure(lean.update('lk-c', bytes('l'), first + 1000));
    for (const e of [natsLost, leanLost]) {
      expect(e).toBeDefined();
      expect(isCasFailure(e)).toBe(true);
      expect(e!.name).toBe('NatsError');
      expect(e!.api_error?.err_code).toBe(10071);
    }
    expect(leanLost!.message).toBe(natsLost!.message);
    expect(leanLost!.code).toBe(natsLost!.code);
    const second = await lean.update('lk-c', bytes('2'), first);
    expect(second).toBeGreaterThan(first);
    expect((await natsKv.get('lk-c'))?.string()).toBe('2');
    await expect(lean.update('lk-c', bytes('x'), 0)).rejects.toThrow(/greater than 0/);
  });

  it('create: refused for a live key, allowed again after a delete (as nats.js allows it)', async () => {
    await lean.create('lk-d', bytes('1'));
    const exists = await failure(lean.create('lk-d', bytes('2')));
    expect(isCasFailure(exists)).toBe(true);
    expect(exists!.api_error?.err_code).toBe(10071);
    await natsKv.delete('lk-d');
    const again = await lean.create('lk-d', bytes('3'));
    expect(shape(await natsKv.get('lk-d'))).toMatchObject({ value: '3', revision: again, operation: 'PUT' });
  });

  it('keys that are not plain tokens never reach a subject', async () => {
    for (const k of ['lk.*', 'lk.>', '.lk', 'lk.', 'a b', '']) {
      await expect(lean.get(k)).rejects.toThrow(/invalid key/);
      await expect(lean.put(k, bytes('x'))).rejects.toThrow(/invalid key/);
    }
  });

  it('a bucket with no stream behind it is a transient error, as with nats.js', async () => {
    const gone = leanKv(nc, natsKv, 'NO_SUCH_BUCKET', true);
    const leanGet = await failure(gone.get('k'));
    const leanPut = await failure(gone.put('k', bytes('x')));
    for (const e of [leanGet, leanPut]) expect(isTransientNatsError(e)).toBe(true);
    const natsPut = await failure(nc.jetstream().publish('$KV.NO_SUCH_BUCKET.k', bytes('x')));
    expect(leanPut!.code).toBe(natsPut!.code);
  });

  it('what nats.js keeps doing: watches, deletes and the bucket status pass through', async () => {
    await lean.put('lk-e', bytes('e'));
    await lean.delete('lk-e');
    expect((await natsKv.get('lk-e'))?.operation).toBe('DEL');
    expect((await lean.status()).bucket).toBe(bucket);
  });

  it('bindKv hands the services this path on a one-replica bucket', async () => {
    const bound = await bindKv(nc.jetstream(), bucket);
    await bound.put('lk-f', bytes('f'));
    const e = await bound.get('lk-f');
    expect(e?.string()).toBe('f');
    // nats.js answers with an instance of its own entry class; the bare path with a plain object.
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(await natsKv.get('lk-f'))).not.toBe(Object.prototype);
  });

  it('compare-and-set writes carry extra headers, which a headers-only pass reads back per key', async () => {
    const stamped = serialWrites(lean) as KV & StampedWrites; // as the consent service holds it
    const first = await stamped.create('lh-a', bytes('1'), { 'Samenhang-Test': 'one' });
    await stamped.update('lh-a', bytes('2'), first, { 'Samenhang-Test': 'two' });
    await stamped.create('lh-b', bytes('b'));
    await stamped.create('lh-c', bytes('c'), { 'Samenhang-Test': 'gone' });
    await natsKv.delete('lh-c');
    // The value and the compare-and-set are unchanged by the header.
    expect((await lean.get('lh-a'))?.string()).toBe('2');
    expect(isCasFailure(await failure(stamped.update('lh-a', bytes('3'), first, { 'Samenhang-Test': 'lost' })))).toBe(
      true,
    );
    const consumers = async () =>
      (await (await nc.jetstreamManager()).streams.info(`KV_${bucket}`)).state.consumer_count;
    const before = await consumers();
    const all = await lastHeaders(nc.jetstream(), bucket, 'Samenhang-Test');
    expect(await consumers()).toBe(before); // its consumer is gone with the pass
    const seen = all.kept.filter((k) => k.key.startsWith('lh-'));
    expect(seen.map(({ key, header }) => [key, header])).toEqual([
      ['lh-a', 'two'],
      ['lh-b', undefined],
    ]);
    expect(seen[0]!.revision).toBe((await lean.get('lh-a'))!.revision);
    expect(all.total).toBe(all.kept.length);
    // `keep` chooses what the pass returns; it still counts every live key.
    const withHeader = await lastHeaders(nc.jetstream(), bucket, 'Samenhang-Test', (k) => k.header !== undefined);
    expect(withHeader.kept.map((k) => k.key)).toEqual(['lh-a']);
    expect(withHeader.total).toBe(all.total);
  });

  it('a pass whose consumer the server refuses fails at once, instead of waiting to try again', async () => {
    // A bucket whose stream allows one consumer, and has it: the server refuses the pass's.
    // nats.js's ordered consumer took such a refusal (or a creation timing out under load)
    // quietly and tried again after 15–45 s, thirty times; the expiry sweep stalled with it.
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({
      name: 'KV_LIMITED',
      subjects: ['$KV.LIMITED.>'],
      max_consumers: 1,
      max_msgs_per_subject: 1,
    });
    await jsm.consumers.add('KV_LIMITED', { durable_name: 'only', ack_policy: AckPolicy.Explicit });
    await nc.jetstream().publish('$KV.LIMITED.a', bytes('a'));
    const started = Date.now();
    const refused = await failure(lastHeaders(nc.jetstream(), 'LIMITED', 'Samenhang-Test'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused?.api_error?.err_code).toBe(10026); // maximum consumers limit reached
    // Once the stream has room the same pass reads it.
    await jsm.consumers.delete('KV_LIMITED', 'only');
    expect((await lastHeaders(nc.jetstream(), 'LIMITED', 'Samenhang-Test')).total).toBe(1);
    expect((await jsm.streams.info('KV_LIMITED')).state.consumer_count).toBe(0);
  });

  it('a pass with values gives every live key once, with its last value, over several batches', async () => {
    const n = 2_300; // more than two batches of a thousand
    for (let i = 0; i < n; i += 100)
      await Promise.all(Array.from({ length: 100 }, (_, j) => lean.put(`fl-${i + j}`, bytes(`v${i + j}`))));
    await lean.put('fl-7', bytes('last')); // a later write replaces the first
    await lean.delete('fl-8');
    await lean.purge('fl-9');
    const seen = new Map<string, string>();
    const left: number[] = [];
    const total = await forEachLast(nc.jetstream(), bucket, { headersOnly: false }, (w, l) => {
      if (w.key.startsWith('fl-')) {
        expect(seen.has(w.key), w.key).toBe(false);
        seen.set(w.key, new TextDecoder().decode(w.data));
      }
      left.push(l);
    });
    expect(seen.size).toBe(n - 2);
    expect([seen.get('fl-7'), seen.get('fl-1000'), seen.get('fl-2299'), seen.has('fl-8'), seen.has('fl-9')]).toEqual([
      'last',
      'v1000',
      'v2299',
      false,
      false,
    ]);
    expect(total).toBe(left.length);
    // `left` counts down what is still to come (markers of deleted keys among it), for a progress bar.
    expect(left[0]).toBeGreaterThanOrEqual(total - 1);
    expect(left.every((l, i) => i === 0 || l < left[i - 1]!)).toBe(true);
    // Headers only: the same keys, no values.
    let empty = 0;
    await forEachLast(
      nc.jetstream(),
      bucket,
      { headersOnly: true },
      (w) => void (w.key.startsWith('fl-') && w.data.length === 0 && empty++),
    );
    expect(empty).toBe(n - 2);
  });
});
