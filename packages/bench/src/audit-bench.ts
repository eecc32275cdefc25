import { fork } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePki } from '@samenhang/certs-dev';
import { homePaths, identityFiles } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { SERVICE_NODE_OPTIONS } from '@samenhang/launcher';
import { loadDefaultPolicy } from '@samenhang/policy';
import type { AuditFigures, AuditMeasureInput } from './audit-measure.js';
import { CHECKPOINT_EVERY, buildAuditLog } from './audit-records.js';
import { LogFileWriter } from './log-file.js';
import { Progress } from './progress.js';

/** What `samenhang bench audit` reports: each figure named plainly, times in milliseconds. */
export interface AuditBenchReport extends AuditFigures {
  readonly kind: 'audit';
  readonly at: string;
  readonly records: number;
  readonly checkpoints: number;
  readonly checkpointEvery: number;
  readonly logBytes: number;
}

/** The measured parts, in a process of their own with the console's node options (audit-measure-child.ts). */
function measureInChild(input: AuditMeasureInput): Promise<AuditFigures> {
  const child = fork(fileURLToPath(new URL('./audit-measure-child.js', import.meta.url)), [], {
    execArgv: [...SERVICE_NODE_OPTIONS],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { figures?: AuditFigures; error?: string }) =>
      m.figures ? resolve(m.figures) : reject(new SamenhangError('ERR_INTERNAL', `bench audit failed: ${m.error}`)),
    );
    child.once('exit', (code) =>
      reject(new SamenhangError('ERR_INTERNAL', `the measuring process of bench audit exited with code ${code}`)),
    );
    child.send(input);
  });
}

/**
 * `samenhang bench audit --records N`: makes a log of N records (outside the measured time, in
 * this process), then measures in a process of its own (audit-measure.ts) building the index
 * from it, the privacy officer's queries on it, audit verify's pass over the log (against
 * bare SHA-256 of the same bytes) and one inclusion proof. Reports; never fails on a figure.
 */
export async function runAuditBench(o: { records: number; out?: string; dir?: string }): Promise<{
  report: AuditBenchReport;
  file: string;
}> {
  const dir = mkdtempSync(join(o.dir ?? tmpdir(), 'samenhang-bench-audit-'));
  try {
    const paths = homePaths(join(dir, 'home'));
    await ensurePki(paths);
    const files = identityFiles(paths, 'audit');
    const signer = { key: createPrivateKey(readFileSync(files.key)), certPem: readFileSync(files.cert, 'utf8') };

    const logFile = join(dir, 'audit.log');
    const writer = new LogFileWriter(logFile);
    const making = new Progress('audit log (made)', o.records);
    const shape = await buildAuditLog(o.records, loadDefaultPolicy(), signer, writer, (n) => making.update(n));
    writer.close();
    making.done(`${(shape.bytes / 2 ** 30).toFixed(2)} GiB`);

    const figures = await measureInChild({ home: paths.root, logFile, shape });
    const report: AuditBenchReport = {
      kind: 'audit',
      at: new Date().toISOString(),
      records: shape.records,
      checkpoints: shape.checkpoints,
      checkpointEvery: CHECKPOINT_EVERY,
      logBytes: shape.bytes,
      ...figures,
    };
    const file = resolve(o.out ?? join('bench-results', `bench-audit-${report.at.replace(/[:.]/g, '-')}.json`));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    return { report, file };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    [
      'peak RSS (measuring process)',
      `${r.peakRssMiB} MiB (after build ${r.peakRssMiBAfter.build}, queries ${r.peakRssMiBAfter.queries}, verify ${r.peakRssMiBAfter.verify}, proof ${r.peakRssMiBAfter.proof})`,
    ],
  ];
  return rows.map(([k, v]) => `${k.padEnd(36)} ${v}`).join('\n');
}
