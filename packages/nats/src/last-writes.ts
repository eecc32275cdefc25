import {
  AckPolicy,
  ConsumerEvents,
  DeliverPolicy,
  nanos,
  nuid,
  type Consumer,
  type JetStreamClient,
  type MsgHdrs,
} from 'nats';
import { retryOnTimeout } from './retry-timeout.js';

/** A key of a bucket as its last write left it. */
export interface LastWrite {
  readonly key: string;
  readonly revision: number;
  readonly headers: MsgHdrs | undefined;
  /** The value; empty in a headers-only pass. */
  readonly data: Uint8Array;
}

/** A key of a bucket as its last write left it: one header's value, never the value itself. */
export interface KeyHeader {
  readonly key: string;
  readonly revision: number;
  /** The header's value on the key's last write; undefined when that write had none. */
  readonly header: string | undefined;
}

const BATCH = 1000;

/** What a pass saw: how many live keys, and those `keep` kept. */
export interface HeaderPass {
  readonly total: number;
  readonly kept: readonly KeyHeader[];
}

/**
 * Every live key of a KV bucket with its last write, handed to `visit` one by one in
 * batches of a thousand: a consumer delivering the last message per subject, as nats.js's
 * `keys()` does, instead of a request per key. `headersOnly`: a pass over 200,000 pictures
 * then moves no picture. Deleted and purged keys are left out; `left` is how many keys are
 * still to come (for a progress bar). Returns how many keys were live.
 *
 * The consumer is made here, not by nats.js's ordered consumer: that one answers a failed
 * creation (a request timing out on a loaded server) by waiting 15–45 s and trying again,
 * up to thirty times, so a pass stalled silently for minutes. Here a failure is thrown,
 * and its caller (the expiry sweep, hourly by default) tries again on its next round.
 */
export async function forEachLast(
  js: JetStreamClient,
  bucket: string,
  o: { readonly headersOnly: boolean },
  visit: (w: LastWrite, left: number) => void,
): Promise<number> {
  const stream = `KV_${bucket}`;
  const prefix = `$KV.${bucket}.`;
  const jsm = await js.jetstreamManager(false);
  let name = '';
  // nats-server 2.9 may place a one-replica consumer of a replicated stream on a cluster
  // peer that is down; its creation then times out, and one of a new name is placed afresh.
  const made = await retryOnTimeout(() => {
    if (name) void jsm.consumers.delete(stream, name).catch(() => undefined); // should it exist after all
    name = `last_${nuid.next()}`;
    return jsm.consumers.add(stream, {
      name,
      filter_subject: `${prefix}>`,
      deliver_policy: DeliverPolicy.LastPerSubject,
      ack_policy: AckPolicy.None,
      headers_only: o.headersOnly,
      mem_storage: true,
      num_replicas: 1,
      inactive_threshold: nanos(30_000), // the server's backstop should the delete below not arrive
    });
  });
  try {
    if (made.num_pending === 0) return 0; // an empty bucket: nothing would ever arrive
    return await readLast(await retryOnTimeout(() => js.consumers.get(stream, made.name)), prefix, visit);
  } finally {
    // Gone at once: the server checks each consumer of a stream as messages arrive, and
    // every signal writes a picture.
    await jsm.consumers.delete(stream, made.name).catch(() => undefined);
  }
}

/** Every live key with one header of its last write; `keep` chooses what is held (the consent service's heap is capped). */
export async function lastHeaders(
  js: JetStreamClient,
  bucket: string,
  header: string,
  keep: (k: KeyHeader) => boolean = () => true,
): Promise<HeaderPass> {
  const kept: KeyHeader[] = [];
  const total = await forEachLast(js, bucket, { headersOnly: true }, (w) => {
    const k = { key: w.key, revision: w.revision, header: w.headers?.get(header) || undefined };
    if (keep(k)) kept.push(k);
  });
  return { total, kept };
}

async function readLast(
  consumer: Consumer,
  prefix: string,
  visit: (w: LastWrite, left: number) => void,
): Promise<number> {
  let live = 0;
  // Pulls kept going ahead of the handling (consume, not fetch-and-wait): the server reads
  // the next batch while this process parses the last one. A consumer that vanishes midway
  // (the server restarted) ends the pass with an error instead of waiting for it.
  const messages = await consumer.consume({ max_messages: BATCH, abort_on_missing_resource: true });
  // A server that stopped answering (two heartbeats missed, ~30 s) ends it too: nats.js would
  // ask after the consumer for as long as the process lives, and the sweep would never end.
  void (async () => {
    for await (const s of await messages.status())
      if (s.type === ConsumerEvents.HeartbeatsMissed && Number(s.data) >= 2)
        messages.stop(new Error('a last-writes pass heard nothing from the server: read again'));
  })().catch(() => undefined);
  let delivered = 0;
  try {
    for await (const m of messages) {
      // Nothing is sent again to a consumer that acknowledges nothing: a message lost on the
      // way (a reconnect) would leave a key out, unseen. The pass fails instead.
      if (m.info.deliverySequence !== ++delivered) throw new Error('a last-writes pass missed a message: read again');
      const op = m.headers?.get('KV-Operation');
      if (op !== 'DEL' && op !== 'PURGE') {
        live++;
        visit(
          { key: m.subject.slice(prefix.length), revision: m.seq, headers: m.headers, data: m.data },
          m.info.pending,
        );
      }
      if (m.info.pending === 0) break; // caught up
    }
  } finally {
    messages.stop();
  }
  return live;
}
