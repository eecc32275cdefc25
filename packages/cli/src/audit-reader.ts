import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HomePaths } from '@samenhang/config';
import type { LogEntry } from '@samenhang/audit-log';
import { SamenhangError } from '@samenhang/errors';
import { connectAs, readAll } from '@samenhang/nats';
import { readStackInfo } from '@samenhang/service-base';
import { STREAMS } from '@samenhang/topology';

/**
 * Reads the whole AUDIT stream as the privacy officer (the only identity allowed
 * to), in stream order, until it is caught up.
 */
export async function readAuditLog(paths: HomePaths): Promise<LogEntry[]> {
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity: 'privacy-officer' });
  try {
    return await readAll(nc, STREAMS.AUDIT, 'samenhang.audit.>');
  } finally {
    await nc.close();
  }
}

/** A copy of the log as JSON lines: {seq, subject, data (base64)}. */
export function writeLogFile(file: string, entries: readonly LogEntry[]): void {
  writeFileSync(
    file,
    `${entries
      .map((e) => JSON.stringify({ seq: e.seq, subject: e.subject, data: Buffer.from(e.data).toString('base64') }))
      .join('\n')}\n`,
  );
}

export function readLogFile(file: string): LogEntry[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const o = JSON.parse(l) as { seq: number; subject: string; data: string };
        return { seq: o.seq, subject: o.subject, data: Buffer.from(o.data, 'base64') };
      });
  } catch (cause) {
    throw new SamenhangError('ERR_INPUT_INVALID', `${file} is not an exported audit log`, { cause });
  }
}

/** The last checkpoint this privacy officer verified, kept in their home. */
export function rememberedFile(paths: HomePaths): string {
  return join(paths.root, 'privacy-officer', 'verified-checkpoint.json');
}

export function loadRemembered(paths: HomePaths): { treeSize: number; rootHash: string } | null {
  try {
    return JSON.parse(readFileSync(rememberedFile(paths), 'utf8')) as { treeSize: number; rootHash: string };
  } catch {
    return null;
  }
}

export function remember(paths: HomePaths, head: { treeSize: number; rootHash: string }): void {
  const file = rememberedFile(paths);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(head)}\n`);
}
