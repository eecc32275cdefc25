export { ORIGIN, signCheckpoint, verifyCheckpoint } from './checkpoint.js';
export type { Checkpoint } from './checkpoint.js';
export { CHECKPOINT_SUBJECT, verifyLog } from './verify-log.js';
export type { LogEntry, VerifyReport } from './verify-log.js';
export { proveConsistency, proveRecord, verifyConsistencyFile, verifyProofFile } from './proof.js';
export type { ConsistencyProofFile, InclusionProofFile } from './proof.js';
export type { DisclosureRecord } from './records.js';
