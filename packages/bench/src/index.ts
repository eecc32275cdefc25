// The bench: a synthetic load (family systems, ACUTE signals) signed and published as agency
// systems would, and the measurements of one run over a stack of its own. The CLI's `bench`
// command runs it; the tests reuse its load and its publisher.
export { runBench } from './run.js';
export type { BenchOptions, BenchParts, BenchStack } from './run.js';
export { formatReport } from './report.js';
export type { BenchReport } from './report.js';
export type { StoredReplayFn } from './replay-stage.js';
export { Progress } from './progress.js';
export { WORKLOAD_AGENCIES, acuteSignals, syntheticWorkload, testBsns } from './workload.js';
export type { WorkloadItem, WorkloadOptions } from './workload.js';
export { publishSigned, signWorkload } from './load-publisher.js';
export type { PublishOptions, SignedItem } from './load-publisher.js';
export { formatAuditReport, runAuditBench } from './audit-bench.js';
export { buildAuditLog } from './audit-records.js';
export type { LogShape } from './audit-records.js';
export type { AuditBenchReport } from './audit-bench.js';
