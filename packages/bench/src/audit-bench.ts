import { X509Certificate, createPrivateKey, hash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ensurePki } from '@samenhang/certs-dev';
import { AuditIndex, proveRow, takeIn, verifyWithIndex } from '@samenhang/audit-index';
import { CHECKPOINT_SUBJECT, citizenReport, concerning, reportContext, verifyLog } from '@samenhang/audit-log';
import { homePaths, identityFiles } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { loadDefaultPolicy } from '@samenhang/policy';
import { CHECKPOINT_EVERY, buildAuditLog } from './audit-records.js';
import { LogFileWriter, readLogFrames } from './log-file.js';
import { Progress } from './progress.js';
import { perSecond } from './stats.js';

/** What `samenhang bench audit` reports: each figure named plainly, times in milliseconds. */
export interface AuditBenchReport {
  readonly kind: 'audit';
  readonly at: string;
  readonly records: number;
  readonly checkpoints: number;
  readonly checkpointEvery: number;
  readonly logBytes: number;
  readonly indexBytes: number;
  /** Building the index from the log, in batches as a catch-up takes them in. */
  readonly buildMs: number;
  readonly buildRecordsPerSecond: number;
  /** The index's part of an access request: what concerns the person, and the report made of it (the vault's copy of their data aside). */
  readonly accessReportMs: number;
  readonly accessReportSignals: number;
  readonly decisionsBySignalMs: number;
  /** Every disclosure to one RVT in one month. */
  readonly disclosuresByRecipientMonthMs: number;
  readonly disclosuresByRecipientMonthRows: number;
  /** The console's page of those: its first 50 rows and the total. */
  readonly consolePageMs: number;
  /** The learning page's figures (per month and region, and per month, with the filter's choices): what of the page grows with the log. */
  readonly learningFiguresMs: number;
  /** audit verify of the log (as --file and the witnesses run it): every checkpoint and every leaf. */
  readonly verifyMs: number;
  readonly verifyRecordsPerSecond: number;
  /** SHA-256 of the same bytes, one digest per record, in the same run. */
  readonly sha256RecordsPerSecond: number;
  readonly verifyRatio: number;
  /** audit verify of the live log: the same, and the index compared with it row by row in the same pass. */
  readonly verifyWithIndexRecordsPerSecond: number;
  readonly verifyWithIndexRatio: number;
  readonly verifyOk: boolean;
  readonly inclusionProofMs: number;
  /** The bench process's peak resident memory (it does every part in turn). */
  readonly peakRssMiB: number;
}

const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const timed = <T>(run: () => T): [T, number] => {
  const t = performance.now();
  const r = run();
  return [r, performance.now() - t];
};
/** The median of five runs: the first one reads pages the build left on disk, the rest what a busy index serves from memory. */
function median<T>(run: () => T): [T, number] {
  const runs = Array.from({ length: 5 }, () => timed(run));
  const ms = runs.map(([, t]) => t).sort((a, b) => a - b);
  return [runs[0]![0], ms[2]!];
}
const timedAsync = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await run();
  return [r, performance.now() - t];
};

/**
 * `samenhang bench audit --records N`: makes a log of N records (outside the measured time),
 * then measures, one after the other in this process, building the index from it, the
 * privacy officer's queries on it, audit verify's pass over the log (against bare SHA-256 of
 * the same bytes) and one inclusion proof. Reports; never fails on a figure.
 */
export async function runAuditBench(o: { records: number; out?: string; dir?: string }): Promise<{
  report: AuditBenchReport;
  file: string;
}> {
  const dir = mkdtempSync(join(o.dir ?? tmpdir(), 'samenhang-bench-audit-'));
  try {
    const paths = homePaths(join(dir, 'home'));
    await ensurePki(paths);
    const registry = loadRegistry(paths.registry);
    const files = identityFiles(paths, 'audit');
    const signer = { key: createPrivateKey(readFileSync(files.key)), certPem: readFileSync(files.cert, 'utf8') };
    const trust = { ca: new X509Certificate(readFileSync(paths.caCert)), trustDomain: registry.trustDomain };
    const policy = loadDefaultPolicy();

    const logFile = join(dir, 'audit.log');
    const writer = new LogFileWriter(logFile);
    const making = new Progress('audit log (made)', o.records);
    const shape = await buildAuditLog(o.records, policy, signer, writer, (n) => making.update(n));
    writer.close();
    making.done(`${(shape.bytes / 2 ** 30).toFixed(2)} GiB`);

    // The index, built as a catch-up builds it (the same function, fed from the file).
    const index = AuditIndex.open(paths.auditIndex);
    const building = new Progress('index build', shape.records);
    const [, buildMs] = await timedAsync(() => takeIn(index, readLogFrames(logFile), (n) => building.update(n)));
    building.done(`${perSecond(shape.records, buildMs)} records/s`);
    index.db.pragma('wal_checkpoint(TRUNCATE)');

    const ctx = reportContext(registry, policy.retention, { kind: 'self' });
    const [signals, accessReportMs] = median(() => {
      const part = index.concerning(shape.person);
      const report = citizenReport(part, shape.person, { content: new Map() }, ctx);
      return concerning(part, shape.person).signals.length === report.signals.length ? report.signals.length : -1;
    });
    const [, decisionsBySignalMs] = median(() =>
      index.decisions({ agency: shape.signal.agency, signal: shape.signal.signalId }),
    );
    const [month, disclosuresByRecipientMonthMs] = median(
      () => index.disclosures({ recipient: shape.recipient, ...shape.month }).rows.length,
    );
    const [, consolePageMs] = median(() =>
      index.disclosures({ recipient: shape.recipient, ...shape.month, limit: 50 }),
    );

    const [, learningFiguresMs] = median(() => [
      index.learningDimensions(),
      index.learning({}),
      index.learning({}, 'month'),
    ]);

    // Bare SHA-256 of every record's bytes, read from the same file the same way.
    const hashing = new Progress('sha-256 (bare)', shape.records);
    const [, shaMs] = timed(() => {
      let n = 0;
      for (const e of readLogFrames(logFile))
        if (e.subject !== CHECKPOINT_SUBJECT) {
          hash('sha256', e.data, 'buffer');
          if (++n % 100_000 === 0) hashing.update(n);
        }
    });
    hashing.done();
    const [logOnly, verifyMs] = await timedAsync(() => verifyLog(readLogFrames(logFile), trust, null));
    const [verified, withIndexMs] = await timedAsync(() => verifyWithIndex(readLogFrames(logFile), trust, null, index));
    const [, inclusionProofMs] = await timedAsync(() => proveRow(index, shape.middleRecord, trust));
    index.close();

    const verifyRecordsPerSecond = perSecond(shape.records, verifyMs);
    const sha256RecordsPerSecond = perSecond(shape.records, shaMs);
    const report: AuditBenchReport = {
      kind: 'audit',
      at: new Date().toISOString(),
      records: shape.records,
      checkpoints: shape.checkpoints,
      checkpointEvery: CHECKPOINT_EVERY,
      logBytes: shape.bytes,
      indexBytes: statSync(paths.auditIndex).size,
      buildMs: Math.round(buildMs),
      buildRecordsPerSecond: perSecond(shape.records, buildMs),
      accessReportMs: round(accessReportMs),
      accessReportSignals: signals,
      decisionsBySignalMs: round(decisionsBySignalMs),
      disclosuresByRecipientMonthMs: round(disclosuresByRecipientMonthMs),
      disclosuresByRecipientMonthRows: month,
      consolePageMs: round(consolePageMs),
      learningFiguresMs: round(learningFiguresMs),
      verifyMs: Math.round(verifyMs),
      verifyRecordsPerSecond,
      sha256RecordsPerSecond,
      verifyRatio: Math.round((verifyRecordsPerSecond / sha256RecordsPerSecond) * 100) / 100,
      verifyWithIndexRecordsPerSecond: perSecond(shape.records, withIndexMs),
      verifyWithIndexRatio: Math.round((perSecond(shape.records, withIndexMs) / sha256RecordsPerSecond) * 100) / 100,
      verifyOk: logOnly.ok && verified.report.ok && verified.index.ok,
      inclusionProofMs: Math.round(inclusionProofMs),
      peakRssMiB: peakMiB(),
    };
    const file = resolve(o.out ?? join('bench-results', `bench-audit-${report.at.replace(/[:.]/g, '-')}.json`));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    return { report, file };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function formatAuditReport(r: AuditBenchReport): string {
  const rows: [string, string][] = [
    ['records (checkpoints)', `${r.records} (${r.checkpoints}, one per ${r.checkpointEvery})`],
    ['log / index size', `${(r.logBytes / 2 ** 20).toFixed(0)} MiB / ${(r.indexBytes / 2 ** 20).toFixed(0)} MiB`],
    ['index build', `${r.buildRecordsPerSecond} records/s (${(r.buildMs / 1000).toFixed(1)} s)`],
    ['access report', `${r.accessReportMs} ms (${r.accessReportSignals} signals)`],
    ['decisions by signal', `${r.decisionsBySignalMs} ms`],
    [
      'disclosures to one RVT in a month',
      `${r.disclosuresByRecipientMonthMs} ms (${r.disclosuresByRecipientMonthRows} rows)`,
    ],
    ['console page of those', `${r.consolePageMs} ms`],
    ['learning figures (/leren)', `${r.learningFiguresMs} ms`],
    ['audit verify (the log)', `${r.verifyRecordsPerSecond} records/s (${r.verifyOk ? 'OK' : 'FAILED'})`],
    ['bare SHA-256', `${r.sha256RecordsPerSecond} records/s (verify ratio ${r.verifyRatio})`],
    [
      'audit verify (log and index)',
      `${r.verifyWithIndexRecordsPerSecond} records/s (ratio ${r.verifyWithIndexRatio})`,
    ],
    ['inclusion proof', `${r.inclusionProofMs} ms`],
    ['peak RSS', `${r.peakRssMiB} MiB`],
  ];
  return rows.map(([k, v]) => `${k.padEnd(36)} ${v}`).join('\n');
}
