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
export async function readAll(
  nc: NatsConnection,
  stream: string,
  filter: string,
  o: { startTime?: Date } = {},
): Promise<StoredMessage[]> {
  const reader = await openFilteredReader(
    nc,
    stream,
    filter,
    o.startTime ? { startTime: o.startTime } : { deliver: 'all' },
  );
  const out: StoredMessage[] = [];
  try {
    if (reader.pendingAtOpen === 0) return out;
    for await (const m of reader) {
      const msgId = m.headers?.get('Nats-Msg-Id');
      out.push({ seq: m.seq, subject: m.subject, data: m.data, ...(msgId ? { msgId } : {}) });
      // Caught up when the server has nothing more to deliver.
      if (m.pending === 0) break;
    }
    return out;
  } finally {
    await reader.close();
  }
}
