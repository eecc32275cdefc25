import type { NatsConnection } from 'nats';
import { openFilteredReader } from './filtered-reader.js';

export interface StoredMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
  /** The publisher's Nats-Msg-Id, when it set one. */
  readonly msgId?: string;
}

/** Reads every message of one subject filter of a stream, in order, until caught up. */
export async function readAll(nc: NatsConnection, stream: string, filter: string, o: { startTime?: Date } = {}): Promise<StoredMessage[]> {
  const reader = await openFilteredReader(nc, stream, filter, o.startTime ? { startTime: o.startTime } : { deliver: 'all' });
  try {
    const out: StoredMessage[] = [];
    for (;;) {
      const batch = await reader.consumer.fetch({ max_messages: 1000, expires: 1000 });
      let n = 0;
      for await (const m of batch) {
        const msgId = m.headers?.get('Nats-Msg-Id');
        out.push({ seq: m.seq, subject: m.subject, data: m.data, ...(msgId ? { msgId } : {}) });
        n++;
      }
      // Caught up when nothing is left to deliver (no need to wait out an empty fetch).
      if (n === 0 || (await reader.consumer.info()).num_pending === 0) break;
    }
    return out;
  } finally {
    await reader.close();
  }
}
