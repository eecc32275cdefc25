import type { JetStreamClient, JetStreamManager, KV, NatsConnection } from 'nats';
import type { KnownKeys } from './key-watch.js';
import { KeyedLock } from './keyed-lock.js';
import { leanKv } from './lean-kv.js';

/** A KV create or update lost a compare-and-set: someone else wrote the key first. */
export function isCasFailure(e: unknown): boolean {
  return /wrong last sequence|key exists/i.test((e as Error).message ?? '');
}

/**
 * A byte store over a JetStream KV bucket (shape of @samenhang/vault's VaultStore). With
 * `jsm` it can erase: the value's message is deleted with its bytes overwritten (secure
 * delete), then the key purged, so a watch reports the removal.
 */
export function kvByteStore(kv: KV, known?: KnownKeys, jsm?: JetStreamManager) {
  return {
    ...(jsm ? { erase: (key: string) => eraseKey(kv, jsm, key) } : {}),
    async get(key: string): Promise<Uint8Array | undefined> {
      const e = await kv.get(key);
      return e && e.operation === 'PUT' ? e.value : undefined;
    },
    /** True when the key was never written as far as `known` has followed: a create may go first. */
    absent(key: string): boolean {
      return known?.absentUpTo(key) !== undefined;
    },
    /** Resolves to the write's revision (its stream sequence), which a watch reports too. */
    async put(key: string, value: Uint8Array): Promise<number> {
      const revision = await kv.put(key, value);
      known?.saw(key);
      return revision;
    },
    async create(key: string, value: Uint8Array): Promise<boolean> {
      try {
        await kv.create(key, value);
        known?.saw(key);
        return true;
      } catch (e) {
        if (!isCasFailure(e)) throw e;
        known?.saw(key); // it exists: the next read must ask
        return false;
      }
    },
    async purge(key: string): Promise<void> {
      await kv.purge(key);
    },
  };
}

/**
 * Deletes the key's stored value with its bytes overwritten, then purges the key (a purge
 * alone only marks the message deleted: its bytes stay in the stream's block files until
 * they are compacted). Buckets keep one value per key (history 1), so there is one message.
 * A message already gone (an erasure repeated) is no error.
 */
async function eraseKey(kv: KV, jsm: JetStreamManager, key: string): Promise<void> {
  const e = await kv.get(key);
  if (e && e.operation === 'PUT') {
    try {
      await jsm.streams.deleteMessage(`KV_${e.bucket}`, e.revision, true);
    } catch (err) {
      if (!/no message found/i.test((err as Error).message ?? '')) throw err;
    }
  }
  if (e) await kv.purge(key);
}

const WRITES = new Set(['put', 'create', 'update', 'delete', 'purge']);

/**
 * The bucket with writes to one key sent one at a time (each waits for the one
 * before to be acknowledged). nats-server < 2.9.21 checks a replicated stream's
 * expected revision before Raft applies earlier proposals (issue #4320), so two
 * compare-and-sets of one key in flight at once could both succeed; one at a
 * time, the second sees the first. Different keys still go in parallel.
 */
export function serialWrites(kv: KV): KV {
  const lock = new KeyedLock();
  return new Proxy(kv, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && WRITES.has(prop)) {
        return (key: string, ...rest: unknown[]) =>
          lock.run(key, () => (value as (...a: unknown[]) => Promise<unknown>).call(target, key, ...rest));
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/**
 * Binds to an existing bucket (created by ensureStreams, with allow_direct). With
 * `bindOnly` nats.js would read through the JetStream API ($JS.API.STREAM.MSG.GET);
 * a direct get is answered by the stream itself, cheaper. On replicated buckets any
 * replica answers a direct get, possibly one a write behind, so there reads stay
 * with the stream leader: read-after-write is what the services' checks rely on.
 * Reads and writes then go as bare requests (`leanKv`) on the client's connection.
 */
export async function bindKv(js: JetStreamClient, bucket: string): Promise<KV> {
  const info = await (await js.jetstreamManager()).streams.info(`KV_${bucket}`);
  const direct = info.config.num_replicas === 1 && info.config.allow_direct === true;
  const kv = await js.views.kv(bucket, { bindOnly: true, allow_direct: direct });
  // nats.js's client keeps its connection as `nc` (not in its interface): without it, nats.js's own KV.
  const nc = (js as unknown as { nc?: NatsConnection }).nc;
  return nc ? leanKv(nc, kv, bucket, direct) : kv;
}

/**
 * Asks a bucket's stream (its leader) for its last sequence: once a write to the bucket
 * is stored, its sequence is at or below every answer given after that.
 */
export async function bucketLastSequence(js: JetStreamClient, bucket: string): Promise<() => Promise<number>> {
  const jsm = await js.jetstreamManager();
  return async () => (await jsm.streams.info(`KV_${bucket}`)).state.last_seq;
}
