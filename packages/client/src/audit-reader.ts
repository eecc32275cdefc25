import { AuditIndex, catchUp } from '@samenhang/audit-index';
import type { LogEntry } from '@samenhang/audit-log';
import type { HomePaths } from '@samenhang/config';
import { connectAs, readAll, streamAll } from '@samenhang/nats';
import { readStackInfo } from '@samenhang/service-base';
import { STREAMS, auditSubjects } from '@samenhang/topology';
import type { NatsConnection } from 'nats';

/** A connection as the privacy officer (the only participant allowed to read the audit log), closed after `use`. */
async function asPrivacyOfficer<T>(paths: HomePaths, use: (nc: NatsConnection) => Promise<T>): Promise<T> {
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity: 'privacy-officer' });
  try {
    return await use(nc);
  } finally {
    await nc.close();
  }
}

/** Reads the whole AUDIT stream as the privacy officer, in stream order, until it is caught up. */
export function readAuditLog(paths: HomePaths): Promise<LogEntry[]> {
  return asPrivacyOfficer(paths, (nc) => readAll(nc, STREAMS.AUDIT, auditSubjects.all));
}

/**
 * The AUDIT stream as it is read, entry by entry in stream order, until it is caught up:
 * for a pass over a log too large to hold (audit verify).
 */
export async function* streamAuditLog(paths: HomePaths): AsyncGenerator<LogEntry> {
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity: 'privacy-officer' });
  try {
    yield* streamAll(nc, STREAMS.AUDIT, auditSubjects.all);
  } finally {
    await nc.close();
  }
}

/**
 * The audit log's read model in the home, caught up with the log first: a query answers
 * from everything the log held when it was asked, whether or not a console follows it.
 * `rebuild` empties it first (`audit reindex`). The caller closes it.
 */
export async function openAuditIndex(paths: HomePaths, o: { rebuild?: boolean } = {}): Promise<AuditIndex> {
  const index = o.rebuild ? AuditIndex.emptied(paths.auditIndex) : AuditIndex.openOrRebuild(paths.auditIndex);
  try {
    await asPrivacyOfficer(paths, (nc) => catchUp(nc, index));
    return index;
  } catch (e) {
    index.close();
    throw e;
  }
}
