import { DeliverPolicy, type Consumer, type JetStreamClient, type MsgHdrs } from 'nats';
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
 * batches of a thousand: an ordered consumer delivering the last message per subject, as
 * nats.js's `keys()` does, instead of a request per key. `headersOnly`: a pass over
 * 200,000 pictures then moves no picture. Deleted and purged keys are left out; `left` is
 * how many keys are still to come (for a progress bar). Returns how many keys were live.
 */
export async function forEachLast(
  js: JetStreamClient,
  bucket: string,
  o: { readonly headersOnly: boolean },
  visit: (w: LastWrite, left: number) => void,
): Promise<number> {
  const prefix = `$KV.${bucket}.`;
  const consumer = await js.consumers.get(`KV_${bucket}`, {
    filterSubjects: `${prefix}>`,
    deliver_policy: DeliverPolicy.LastPerSubject,
    headers_only: o.headersOnly,
    inactive_threshold: 30_000, // the server's backstop should the delete below not arrive
  });
  try {
    return await readLast(consumer, prefix, visit);
  } finally {
    // Gone at once, not after nats.js's default five idle minutes: the server checks each
    // consumer of a stream as messages arrive, and every signal writes a picture.
    await consumer.delete().catch(() => undefined);
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
  // The first info() creates the ordered consumer; should nats-server 2.9 place it on a
  // cluster peer that is down, it times out and the next one is placed afresh.
  if ((await retryOnTimeout(() => consumer.info())).num_pending === 0) return 0; // an empty bucket: nothing would ever arrive
  let live = 0;
  // Pulls kept going ahead of the handling (consume, not fetch-and-wait): the server reads
  // the next batch while this process parses the last one.
  const messages = await consumer.consume({ max_messages: BATCH });
  try {
    for await (const m of messages) {
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
