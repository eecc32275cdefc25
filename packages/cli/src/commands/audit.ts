import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  proveConsistency,
  verifyConsistencyFile,
  verifyLog,
  verifyProofFile,
  witnessLog,
  witnessedBy,
  type VerifyReport,
} from '@samenhang/audit-log';
import { proveRow, verifyWithIndex, type IndexComparison } from '@samenhang/audit-index';
import type { HomePaths } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { openAuditIndex, readAuditLog, streamAuditLog } from '@samenhang/client';
import { loadRemembered, readLogFile, remember, writeLogFile } from '../audit-reader.js';
import { EXIT, usageError, out } from '../output.js';
import { cosignedNote, loadWitness, saveCosigned } from '../witness-state.js';
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
    state?: string;
    name?: string;
    witness?: string;
    witnesses?: string;
    'witness-keys'?: string;
    'max-age'?: string;
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
    case 'witness':
      return witness(paths, flags);
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
      const index = await openAuditIndex(paths);
      const proof = await proveRow(index, flags.record, trustOf(paths)).finally(() => index.close());
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
    case 'reindex': {
      // Rebuilt in place, in one pass over the log: queries meanwhile wait for it (they catch up first).
      const started = Date.now();
      const index = await openAuditIndex(paths, { rebuild: true });
      const { records } = index.status();
      index.close();
      out(`audit index rebuilt: ${records} records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return EXIT.OK;
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
        `unknown audit command '${sub ?? ''}' (verify, witness, decisions, disclosures, access-report, prove, verify-proof, reindex, export)`,
      );
  }
}

const trustOf = (paths: HomePaths) => ({
  ca: new X509Certificate(readFileSync(paths.caCert)),
  trustDomain: loadRegistry(paths.registry).trustDomain,
});

/**
 * `samenhang audit witness --state <dir>`: as a witness whose state lives in `dir` (not in
 * the broker's home), checks the log against what it cosigned before and cosigns the newest
 * checkpoint; refuses, exit 1, a log rolled back or forked since.
 */
async function witness(paths: HomePaths, flags: Flags): Promise<number> {
  if (!flags.state) throw usageError('audit witness needs --state <dir> (and --name <name> the first time)');
  const w = loadWitness(flags.state, flags.name);
  const entries = flags.file ? readLogFile(flags.file) : await readAuditLog(paths);
  const r = await witnessLog(entries, trustOf(paths), w);
  if (!r.ok) {
    out(`${w.name} refuses to cosign: ${r.problem}`);
    return EXIT.FAIL;
  }
  saveCosigned(flags.state, r.note);
  if (flags.json) out(JSON.stringify({ witness: w.name, treeSize: r.treeSize, note: r.note }));
  else out(`${w.name} cosigned the checkpoint of tree size ${r.treeSize}:\n${r.note}`);
  return EXIT.OK;
}

/**
 * `--witnesses N --witness-keys <file> --witness a,b`: at least N of the witnesses whose
 * verifier keys the file lists (one per line, obtained from each witness, not from the
 * broker) cosigned a head this log extends; their cosigned notes come from the directories.
 */
async function witnessed(
  entries: Parameters<typeof witnessedBy>[0],
  trust: ReturnType<typeof trustOf>,
  flags: Flags,
): Promise<{ ok: boolean; lines: string[]; findings: Awaited<ReturnType<typeof witnessedBy>> }> {
  const needed = Number(flags.witnesses);
  if (!Number.isInteger(needed) || needed < 1) throw usageError('--witnesses takes a whole number of 1 or more');
  if (!flags['witness-keys'])
    throw usageError("--witnesses needs --witness-keys <file>: the witnesses' verifier keys, one per line");
  const keys = readFileSync(flags['witness-keys'], 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const dirs = (flags.witness ?? '').split(',').filter(Boolean);
  const maxAgeMs = flags['max-age'] === undefined ? undefined : Number(flags['max-age']) * 60_000;
  if (maxAgeMs !== undefined && !(maxAgeMs > 0)) throw usageError('--max-age takes minutes, more than 0');
  const findings = await witnessedBy(entries, trust, keys, dirs.map(cosignedNote), maxAgeMs);
  const saw = findings.filter((f) => f.ok).length;
  const lines = findings.map((f) => `witness ${f.witness}: ${f.ok ? 'OK' : 'FAILED'}: ${f.what}`);
  lines.push(
    saw >= needed
      ? `witnessed: ${saw} of ${needed} needed`
      : `NOT WITNESSED: ${saw} of ${needed} needed witnesses saw a checkpoint this log extends`,
  );
  return { ok: saw >= needed, lines, findings };
}

/**
 * The live log, read once as a stream (memory does not grow with the log): verified, and the
 * audit index compared with it row by row in the same pass.
 */
async function verifyLive(
  paths: HomePaths,
  trust: ReturnType<typeof trustOf>,
  remembered: { treeSize: number; rootHash: string } | null,
): Promise<{ report: VerifyReport; index: IndexComparison }> {
  // An index that cannot be used is reported as such: the log is verified all the same.
  const index = await openAuditIndex(paths).catch((e: unknown) => e as Error);
  if (index instanceof Error)
    return {
      report: await verifyLog(streamAuditLog(paths), trust, remembered),
      index: { ok: false, rows: 0, problem: { what: `it cannot be used: ${index.message}` } },
    };
  try {
    return await verifyWithIndex(streamAuditLog(paths), trust, remembered, index);
  } finally {
    index.close();
  }
}

async function verify(paths: HomePaths, flags: Flags): Promise<number> {
  const trust = trustOf(paths);
  if (flags.witnesses !== undefined) {
    const entries = flags.file ? readLogFile(flags.file) : await readAuditLog(paths);
    // The witnesses' view alone: no file of the broker's home is trusted for this check.
    const [report, w] = await Promise.all([verifyLog(entries, trust, null), witnessed(entries, trust, flags)]);
    if (flags.json) out(JSON.stringify({ ...report, witnessed: w.ok, witnesses: w.findings }));
    else {
      out(
        report.ok
          ? `audit log OK: ${report.records} records, tree size ${report.latest?.treeSize ?? 0}`
          : `audit log FAILED: ${report.problem?.what}`,
      );
      for (const l of w.lines) out(l);
    }
    return report.ok && w.ok ? EXIT.OK : EXIT.FAIL;
  }
  const remembered = loadRemembered(paths);
  const { report, index } = flags.file
    ? { report: await verifyLog(readLogFile(flags.file), trust, remembered), index: undefined }
    : await verifyLive(paths, trust, remembered);
  // Only a verified live log moves the remembered checkpoint forward.
  if (report.ok && report.latest && !flags.file) remember(paths, report.latest);
  if (flags.json) out(JSON.stringify({ ...report, remembered, ...(index ? { index } : {}) }));
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
  // The index answers the privacy officer's queries: one that differs from the log fails too.
  if (index && !flags.json)
    out(
      index.ok
        ? `audit index OK: its ${index.rows} rows are the log's records`
        : `audit index FAILED: ${index.problem?.what} (samenhang audit reindex rebuilds it)`,
    );
  return report.ok && (index?.ok ?? true) ? EXIT.OK : EXIT.FAIL;
}
