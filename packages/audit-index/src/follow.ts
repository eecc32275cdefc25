import type { NatsConnection } from 'nats';
import type { LogEntry } from '@samenhang/audit-log';
import type { Logger } from '@samenhang/logging';
import { consumeInBatches, streamAll, type Consumption } from '@samenhang/nats';
import {
  AUDIT_INDEX_BATCH,
  AUDIT_INDEX_CONSUMER,
  STREAMS,
  auditIndexConsumer,
  auditSubjects,
} from '@samenhang/topology';
import type { Prepared } from './prepare.js';
import { Preparer } from './preparer.js';
import type { AuditIndex } from './store.js';

/**
 * Entries taken in per transaction when catching up (or building from a copy of the log).
 * Two batches are in memory at once (one prepared by the worker while the other is written).
 * Measured building from 1,000,000 records: 2,048 entries a batch took them in as fast as
 * 4,096 or 8,192 (~20,000 records/s) at a peak RSS of 254 MiB instead of 316 and 387.
 */
export const CATCH_UP_BATCH = 2_048;

/**
 * A batch also ends at this many bytes of records (a record is at most a message, 1 MiB), so
 * what a batch holds in either thread stays bounded whatever its records weigh: the worker's
 * heap is capped, and a worker that runs out of it takes the whole process down.
 */
export const CATCH_UP_BATCH_BYTES = 8 << 20;

/**
 * Takes in a run of the log that follows the index's last sequence (a catch-up's read, or
 * a copy of the log for a build), in transactions of CATCH_UP_BATCH entries (or
 * CATCH_UP_BATCH_BYTES): memory stays flat however long the run. A worker thread prepares
 * each full batch (prepare.ts) while the one before is written; the last, partial one is
 * prepared here. `generation` is the index's as it was when the run was read for (see
 * AuditIndex.position).
 */
export async function takeIn(
  index: AuditIndex,
  entries: Iterable<LogEntry> | AsyncIterable<LogEntry>,
  progress?: (records: number) => void,
  generation = index.generation(),
): Promise<number> {
  let added = 0;
  let batch: LogEntry[] = [];
  let bytes = 0;
  let preparer: Preparer | undefined;
  let pending: { entries: LogEntry[]; prepared: Promise<readonly Prepared[]> } | undefined;
  // Read for the index as it was: emptied meanwhile, the rest of this run is refused.
  const write = async () => {
    if (!pending) return;
    added += index.ingestPrepared(pending.entries, await pending.prepared, 'after-last', generation).added;
    pending = undefined;
    progress?.(added);
  };
  index.beginBuild();
  try {
    for await (const e of entries) {
      batch.push(e);
      bytes += e.data.length;
      if (batch.length < CATCH_UP_BATCH && bytes < CATCH_UP_BATCH_BYTES) continue;
      preparer ??= new Preparer();
      const next = { entries: batch, prepared: preparer.prepare(batch) };
      await write();
      pending = next;
      batch = [];
      bytes = 0;
    }
    await write();
    added += index.ingest(batch, 'after-last', generation).added;
    index.finishBuild();
    return added;
  } finally {
    // A batch still being prepared when the read failed is not written: the next catch-up reads it again.
    pending?.prepared.catch(() => undefined);
    await preparer?.close();
  }
}

/**
 * Takes in what the log holds after the index's last sequence, until it is caught up. The
 * reader is an ephemeral consumer over the whole log, which the privacy officer's identity
 * may create, so the CLI answers from a current index even with no console running.
 */
export function catchUp(nc: NatsConnection, index: AuditIndex): Promise<number> {
  const { lastSeq, generation } = index.position();
  return takeIn(
    index,
    streamAll(nc, STREAMS.AUDIT, auditSubjects.all, { startSeq: lastSeq + 1 }),
    undefined,
    generation,
  );
}

/**
 * Keeps the index current with the console's durable consumer: batches in stream order,
 * acknowledged once committed. A batch that fails is delivered again (ingest is idempotent).
 */
export async function follow(nc: NatsConnection, index: AuditIndex, log: Logger): Promise<Consumption> {
  await catchUp(nc, index);
  // A consumer far behind the index (a new one, or the CLI's catch-ups took the index on
  // while the console was down) would deliver again all that the index holds: it starts
  // after the index instead.
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
