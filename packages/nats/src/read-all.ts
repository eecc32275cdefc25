import type { NatsConnection } from 'nats';
import { openFilteredReader } from './filtered-reader.js';

export interface StoredMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
  /** The publisher's Nats-Msg-Id, when it set one. */
  readonly msgId?: string;
}

/**
 * Every message of one subject filter of a stream, in order, one at a time, until caught
 * up (what was there when the read began, and what arrived while it went on): for a pass
 * over more than fits in memory.
 */
export async function* streamAll(
  nc: NatsConnection,
  stream: string,
  filter: string,
  o: { startTime?: Date; startSeq?: number } = {},
): AsyncGenerator<StoredMessage> {
  const reader = await openFilteredReader(
    nc,
    stream,
    filter,
    o.startTime ? { startTime: o.startTime } : o.startSeq !== undefined ? { startSeq: o.startSeq } : { deliver: 'all' },
  );
  try {
    if (reader.pendingAtOpen === 0) return;
    for await (const m of reader) {
      const msgId = m.headers?.get('Nats-Msg-Id');
      yield { seq: m.seq, subject: m.subject, data: m.data, ...(msgId ? { msgId } : {}) };
      // Caught up when the server has nothing more to deliver.
      if (m.pending === 0) return;
    }
  } finally {
    await reader.close();
  }
}

/** Reads every message of one subject filter of a stream, in order, until caught up. */
export async function readAll(
  nc: NatsConnection,
  stream: string,
  filter: string,
  o: { startTime?: Date } = {},
): Promise<StoredMessage[]> {
  const out: StoredMessage[] = [];
  for await (const m of streamAll(nc, stream, filter, o)) out.push(m);
  return out;
}
