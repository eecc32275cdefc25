import { X509Certificate, hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { AuditIndex, proveRow, takeIn, verifyWithIndex } from '@samenhang/audit-index';
import { CHECKPOINT_SUBJECT, citizenReport, concerning, reportContext, verifyLog } from '@samenhang/audit-log';
import { homePaths } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { loadDefaultPolicy } from '@samenhang/policy';
import type { LogShape } from './audit-records.js';
import { readLogFrames } from './log-file.js';
import { Progress } from './progress.js';
import { perSecond } from './stats.js';

/** What the measuring process is told: the bench's home (its certificates) and the log it made. */
export interface AuditMeasureInput {
  readonly home: string;
  readonly logFile: string;
  readonly shape: LogShape;
}

/** The figures of `bench audit` measured in its own process (audit-measure-child.ts). */
export interface AuditFigures {
  readonly indexBytes: number;
  readonly buildMs: number;
  readonly buildRecordsPerSecond: number;
  readonly accessReportMs: number;
  readonly accessReportSignals: number;
  readonly decisionsBySignalMs: number;
  readonly disclosuresByRecipientMonthMs: number;
  readonly disclosuresByRecipientMonthRows: number;
  readonly consolePageMs: number;
  readonly learningFiguresMs: number;
  readonly verifyMs: number;
  readonly verifyRecordsPerSecond: number;
  readonly sha256RecordsPerSecond: number;
  readonly verifyRatio: number;
  readonly verifyWithIndexRecordsPerSecond: number;
  readonly verifyWithIndexRatio: number;
  readonly verifyOk: boolean;
  readonly inclusionProofMs: number;
  readonly peakRssMiB: number;
  readonly peakRssMiBAfter: {
    readonly build: number;
    readonly queries: number;
    readonly verify: number;
    readonly proof: number;
  };
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
const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Measures, one after the other, building the index from the log (as a catch-up builds it:
 * the same function, fed from the file), the privacy officer's queries on it, audit verify's
 * pass over the log (against bare SHA-256 of the same bytes) and one inclusion proof; and the
 * peak resident memory after each part (it only grows, so each shows what that part needed).
 */
export async function measureAuditLog(input: AuditMeasureInput): Promise<AuditFigures> {
  const { logFile, shape } = input;
  const paths = homePaths(input.home);
  const registry = loadRegistry(paths.registry);
  const trust = { ca: new X509Certificate(readFileSync(paths.caCert)), trustDomain: registry.trustDomain };
  const policy = loadDefaultPolicy();

  // The index, built as a catch-up builds it (the same function, fed from the file).
  const index = AuditIndex.open(paths.auditIndex);
  const building = new Progress('index build', shape.records);
  const [, buildMs] = await timedAsync(() => takeIn(index, readLogFrames(logFile), (n) => building.update(n)));
  building.done(`${perSecond(shape.records, buildMs)} records/s`);
  index.db.pragma('wal_checkpoint(TRUNCATE)');
  const peaks = { build: peakMiB(), queries: 0, verify: 0, proof: 0 };

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
  const [, consolePageMs] = median(() => index.disclosures({ recipient: shape.recipient, ...shape.month, limit: 50 }));

  const [, learningFiguresMs] = median(() => [
    index.learningDimensions(),
    index.learning({}),
    index.learning({}, 'month'),
  ]);

  peaks.queries = peakMiB();

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
  peaks.verify = peakMiB();
  const [, inclusionProofMs] = await timedAsync(() => proveRow(index, shape.middleRecord, trust));
  peaks.proof = peakMiB();
  index.close();

  const verifyRecordsPerSecond = perSecond(shape.records, verifyMs);
  const sha256RecordsPerSecond = perSecond(shape.records, shaMs);
  return {
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
    peakRssMiBAfter: peaks,
  };
}
