import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { proveConsistency, proveRecord, verifyConsistencyFile, verifyLog, verifyProofFile } from '@samenhang/audit-log';
import type { HomePaths } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { readAuditLog } from '@samenhang/client';
import { loadRemembered, readLogFile, remember, writeLogFile } from '../audit-reader.js';
import { EXIT, usageError, out } from '../output.js';
import { accessReport, type AccessReportFlags } from './access-report.js';
import { decisions, disclosures, type ReportFlags } from './audit-reports.js';

type Flags = ReportFlags &
  AccessReportFlags & {
    file?: string;
    out?: string;
    record?: string;
    ca?: string;
    consistency?: string;
    to?: string;
  };

/**
 * `samenhang audit verify [--file <copy>]`: recomputes the Merkle tree, checks every
 * signed checkpoint and consistency with the last verified one; names the first
 * bad entry. `audit export --out <file>` writes a copy of the log.
 */
export async function audit(
  paths: HomePaths,
  sub: string | undefined,
  flags: Flags,
  rest: string[] = [],
): Promise<number> {
  switch (sub) {
    case 'verify':
      return verify(paths, flags);
    case 'decisions':
      return decisions(paths, flags);
    case 'disclosures':
      return disclosures(paths, flags, rest);
    case 'access-report':
      return accessReport(paths, flags);
    case 'prove': {
      if (flags.consistency) {
        const proof = await proveConsistency(
          await readAuditLog(paths),
          Number(flags.consistency),
          flags.to ? Number(flags.to) : undefined,
          trustOf(paths),
        );
        const file = flags.out ?? `consistency-${flags.consistency}.proof.json`;
        writeFileSync(file, `${JSON.stringify(proof, null, 2)}\n`);
        out(`consistency proof from tree size ${flags.consistency} written to ${file}`);
        return EXIT.OK;
      }
      if (!flags.record)
        throw usageError(
          'audit prove needs --record <decision or disclosure id> or --consistency <tree size> [--to <size>], and [--out <file>]',
        );
      const proof = await proveRecord(await readAuditLog(paths), flags.record, trustOf(paths));
      const file = flags.out ?? `${flags.record}.proof.json`;
      writeFileSync(file, `${JSON.stringify(proof, null, 2)}\n`);
      out(`proof of ${flags.record} (entry ${proof.index} of ${proof.treeSize}) written to ${file}`);
      return EXIT.OK;
    }
    case 'verify-proof': {
      const file = rest[0];
      if (!file) throw usageError('audit verify-proof <file> [--ca <trust anchor>]');
      const p = JSON.parse(readFileSync(file, 'utf8'));
      const caFile = flags.ca ?? paths.caCert;
      const trust = { ca: new X509Certificate(readFileSync(caFile)), trustDomain: 'samenhang.dev' };
      const r =
        p.type === 'samenhang-consistency-proof'
          ? await verifyConsistencyFile(p, trust)
          : await verifyProofFile(p, trust);
      out(r.ok ? `proof OK: ${r.what}` : `proof FAILED: ${r.what}`);
      return r.ok ? EXIT.OK : EXIT.FAIL;
    }
    case 'export': {
      if (!flags.out) throw usageError('audit export needs --out <file>');
      const entries = await readAuditLog(paths);
      writeLogFile(flags.out, entries);
      out(`${entries.length} audit log entries written to ${flags.out}`);
      return EXIT.OK;
    }
    default:
      throw usageError(
        `unknown audit command '${sub ?? ''}' (verify, decisions, disclosures, access-report, prove, verify-proof, export)`,
      );
  }
}

const trustOf = (paths: HomePaths) => ({
  ca: new X509Certificate(readFileSync(paths.caCert)),
  trustDomain: loadRegistry(paths.registry).trustDomain,
});

async function verify(paths: HomePaths, flags: Flags): Promise<number> {
  const entries = flags.file ? readLogFile(flags.file) : await readAuditLog(paths);
  const trust = trustOf(paths);
  const remembered = loadRemembered(paths);
  const report = await verifyLog(entries, trust, remembered);
  // Only a verified live log moves the remembered checkpoint forward.
  if (report.ok && report.latest && !flags.file) remember(paths, report.latest);
  if (flags.json) out(JSON.stringify({ ...report, remembered }));
  else if (report.ok) {
    out(
      `audit log OK: ${report.records} records, ${report.checkpoints} signed checkpoints, tree size ${report.latest?.treeSize ?? 0} root ${report.latest?.rootHash ?? '-'}`,
    );
    if (report.uncovered > 0)
      out(`${report.uncovered} newest records are not yet covered by a checkpoint (one follows within seconds)`);
  } else {
    const p = report.problem!;
    out(`audit log FAILED: ${p.what}`);
    if (p.index !== undefined)
      out(
        `first bad entry: index ${p.index}, stream sequence ${p.seq ?? '-'}${p.recordId ? `, record ${p.recordId}` : ''}`,
      );
  }
  return report.ok ? EXIT.OK : EXIT.FAIL;
}
