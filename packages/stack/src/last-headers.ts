import { DeliverPolicy, type Consumer, type JetStreamClient } from 'nats';

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
 * Every live key of a KV bucket with one header of its last write, read headers-only
 * (an ordered consumer delivering the last message per subject, as nats.js's
 * `keys()` does): a pass over 200,000 pictures moves no picture. Deleted and purged
 * keys are left out. `keep` chooses what is returned, so a pass over many keys holds
 * only the few wanted (the consent service's heap is capped at 160 MiB).
 */
export async function lastHeaders(js: JetStreamClient, bucket: string, header: string, keep: (k: KeyHeader) => boolean = () => true): Promise<HeaderPass> {
  const prefix = `$KV.${bucket}.`;
  const consumer = await js.consumers.get(`KV_${bucket}`, {
    filterSubjects: `${prefix}>`,
    deliver_policy: DeliverPolicy.LastPerSubject,
    headers_only: true,
    inactive_threshold: 30_000, // the server's backstop should the delete below not arrive
  });
  const pass = { total: 0, kept: [] as KeyHeader[] };
  try {
    await readInto(pass, consumer, prefix, header, keep);
  } finally {
    // Gone at once, not after nats.js's default five idle minutes: the server checks each
    // consumer of a stream as messages arrive, and every signal writes a picture.
    await consumer.delete().catch(() => undefined);
  }
  return pass;
}

async function readInto(pass: { total: number; kept: KeyHeader[] }, consumer: Consumer, prefix: string, header: string, keep: (k: KeyHeader) => boolean): Promise<void> {
  for (;;) {
    const batch = await consumer.fetch({ max_messages: BATCH, expires: 1000 });
    let n = 0;
    for await (const m of batch) {
      n++;
      const op = m.headers?.get('KV-Operation');
      if (op !== 'DEL' && op !== 'PURGE') {
        pass.total++;
        const k = { key: m.subject.slice(prefix.length), revision: m.seq, header: m.headers?.get(header) || undefined };
        if (keep(k)) pass.kept.push(k);
      }
      // Caught up: without this the batch would wait out its expiry for messages that never come.
      if (m.info.pending === 0) return;
    }
    if (n === 0) return; // an empty bucket
  }
}
