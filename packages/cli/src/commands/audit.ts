import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verifyLog } from '@samenhang/audit-log';
import type { HomePaths } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { loadRemembered, readAuditLog, readLogFile, remember, writeLogFile } from '../audit-reader.js';
import { EXIT, UsageError, out } from '../output.js';

type Flags = { file?: string; out?: string; json?: boolean };

/**
 * `samenhang audit verify [--file <copy>]`: recomputes the Merkle tree, checks every
 * signed checkpoint and consistency with the last verified one; names the first
 * bad entry. `audit export --out <file>` writes a copy of the log.
 */
export async function audit(paths: HomePaths, sub: string | undefined, flags: Flags): Promise<number> {
  switch (sub) {
    case 'verify':
      return verify(paths, flags);
    case 'export': {
      if (!flags.out) throw new UsageError('audit export needs --out <file>');
      const entries = await readAuditLog(paths);
      writeLogFile(flags.out, entries);
      out(`${entries.length} audit log entries written to ${flags.out}`);
      return EXIT.OK;
    }
    default:
      throw new UsageError(`unknown audit command '${sub ?? ''}' (verify, export)`);
  }
}

async function verify(paths: HomePaths, flags: Flags): Promise<number> {
  const entries = flags.file ? readLogFile(flags.file) : await readAuditLog(paths);
  const trust = { ca: new X509Certificate(readFileSync(paths.caCert)), trustDomain: loadRegistry(paths.registry).trustDomain };
  const remembered = loadRemembered(paths);
  const report = await verifyLog(entries, trust, remembered);
  // Only a verified live log moves the remembered checkpoint forward.
  if (report.ok && report.latest && !flags.file) remember(paths, report.latest);
  if (flags.json) out(JSON.stringify({ ...report, remembered }));
  else if (report.ok) {
    out(`audit log OK: ${report.records} records, ${report.checkpoints} signed checkpoints, tree size ${report.latest?.treeSize ?? 0} root ${report.latest?.rootHash ?? '-'}`);
    if (report.uncovered > 0) out(`${report.uncovered} newest records are not yet covered by a checkpoint (one follows within seconds)`);
  } else {
    const p = report.problem!;
    out(`audit log FAILED: ${p.what}`);
    if (p.index !== undefined) out(`first bad entry: index ${p.index}, stream sequence ${p.seq ?? '-'}${p.recordId ? `, record ${p.recordId}` : ''}`);
  }
  return report.ok ? EXIT.OK : EXIT.FAIL;
}
