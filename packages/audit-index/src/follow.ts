import type { NatsConnection } from 'nats';
import type { LogEntry } from '@samenhang/audit-log';
import type { Logger } from '@samenhang/logging';
import { consumeInBatches, openFilteredReader, type Consumption } from '@samenhang/nats';
import {
  AUDIT_INDEX_BATCH,
  AUDIT_INDEX_CONSUMER,
  STREAMS,
  auditIndexConsumer,
  auditSubjects,
} from '@samenhang/topology';
import type { AuditIndex } from './store.js';

/**
 * Takes in what the log holds after the index's last sequence, until it is caught up, in
 * transactions of AUDIT_INDEX_BATCH entries (memory stays flat however far behind it is).
 * The reader is an ephemeral consumer over the whole log, which the privacy officer's
 * identity may create, so the CLI answers from a current index even with no console running.
 */
export async function catchUp(nc: NatsConnection, index: AuditIndex): Promise<number> {
  const reader = await openFilteredReader(nc, STREAMS.AUDIT, auditSubjects.all, {
    startSeq: index.status().lastSeq + 1,
  });
  let added = 0;
  let batch: LogEntry[] = [];
  try {
    if (reader.pendingAtOpen === 0) return 0;
    for await (const m of reader) {
      batch.push({ seq: m.seq, subject: m.subject, data: m.data });
      if (batch.length >= AUDIT_INDEX_BATCH || m.pending === 0) {
        added += index.ingest(batch, 'after-last').added;
        batch = [];
      }
      if (m.pending === 0) break;
    }
    return added;
  } finally {
    await reader.close();
  }
}

/**
 * Keeps the index current with the console's durable consumer: batches in stream order,
 * acknowledged once committed. A batch that fails is delivered again (ingest is idempotent).
 */
export async function follow(nc: NatsConnection, index: AuditIndex, log: Logger): Promise<Consumption> {
  await catchUp(nc, index);
  // A consumer far behind the index (a new one, or the index was rebuilt by catching up)
  // would deliver again all that the index holds: it starts after the index instead.
  // A home made before the index had no such consumer: it is made here then.
  const jsm = await nc.jetstreamManager();
  const info = await jsm.consumers.info(STREAMS.AUDIT, AUDIT_INDEX_CONSUMER).catch((e: unknown) => {
    if (/consumer not found/i.test((e as Error).message)) return undefined;
    throw e;
  });
  const { lastSeq } = index.status();
  if (!info || lastSeq - info.ack_floor.stream_seq > AUDIT_INDEX_BATCH) {
    if (info) await jsm.consumers.delete(STREAMS.AUDIT, AUDIT_INDEX_CONSUMER);
    await jsm.consumers.add(STREAMS.AUDIT, auditIndexConsumer(lastSeq + 1));
  }
  const consumer = await nc.jetstream().consumers.get(STREAMS.AUDIT, AUDIT_INDEX_CONSUMER);
  return consumeInBatches(
    consumer,
    AUDIT_INDEX_BATCH,
    async (batch) => {
      const r = index.ingest(batch.map((m) => ({ seq: m.seq, subject: m.subject, data: m.data })));
      if (r.gap) await catchUp(nc, index);
      for (const m of batch) m.ack();
    },
    log,
    50,
  );
}
