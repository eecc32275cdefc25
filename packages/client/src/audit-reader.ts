import type { LogEntry } from '@samenhang/audit-log';
import type { HomePaths } from '@samenhang/config';
import { connectAs, readAll } from '@samenhang/nats';
import { readStackInfo } from '@samenhang/service-base';
import { STREAMS, auditSubjects } from '@samenhang/topology';

/**
 * Reads the whole AUDIT stream as the privacy officer (the only identity allowed
 * to), in stream order, until it is caught up.
 */
export async function readAuditLog(paths: HomePaths): Promise<LogEntry[]> {
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity: 'privacy-officer' });
  try {
    return await readAll(nc, STREAMS.AUDIT, auditSubjects.all);
  } finally {
    await nc.close();
  }
}
