import { DeliverPolicy, type Consumer, type JetStreamClient } from 'nats';

/** A key of a bucket as its last write left it: one header's value, never the value itself. */
export interface KeyHeader {
  readonly key: string;
  readonly revision: number;
  /** The header's value on the key's last write; undefined when that write had none. */
  readonly header: string | undefined;
}

const BATCH = 1000;

/**
 * Every live key of a KV bucket with one header of its last write, read headers-only
 * (an ordered consumer delivering the last message per subject, as nats.js's
 * `keys()` does): a pass over 200,000 pictures moves no picture. Deleted and purged
 * keys are left out.
 */
export async function lastHeaders(js: JetStreamClient, bucket: string, header: string): Promise<KeyHeader[]> {
  const prefix = `$KV.${bucket}.`;
  const consumer = await js.consumers.get(`KV_${bucket}`, {
    filterSubjects: `${prefix}>`,
    deliver_policy: DeliverPolicy.LastPerSubject,
    headers_only: true,
    inactive_threshold: 30_000, // the server's backstop should the delete below not arrive
  });
  const out: KeyHeader[] = [];
  try {
    await readInto(out, consumer, prefix, header);
  } finally {
    // Gone at once, not after nats.js's default five idle minutes: the server checks each
    // consumer of a stream as messages arrive, and every signal writes a picture.
    await consumer.delete().catch(() => undefined);
  }
  return out;
}

async function readInto(out: KeyHeader[], consumer: Consumer, prefix: string, header: string): Promise<void> {
  for (;;) {
    const batch = await consumer.fetch({ max_messages: BATCH, expires: 1000 });
    let n = 0;
    for await (const m of batch) {
      n++;
      const op = m.headers?.get('KV-Operation');
      if (op !== 'DEL' && op !== 'PURGE') out.push({ key: m.subject.slice(prefix.length), revision: m.seq, header: m.headers?.get(header) || undefined });
      // Caught up: without this the batch would wait out its expiry for messages that never come.
      if (m.info.pending === 0) return;
    }
    if (n === 0) return; // an empty bucket
  }
}
