export { ORIGIN, signCheckpoint, verifyCheckpoint } from './checkpoint.js';
export type { Checkpoint } from './checkpoint.js';
export { CHECKPOINT_SUBJECT, verifyLog } from './verify-log.js';
export type { LogEntry, VerifyReport } from './verify-log.js';
export { proveConsistency, proveRecord, verifyConsistencyFile, verifyProofFile } from './proof.js';
export type { ConsistencyProofFile, InclusionProofFile } from './proof.js';
export type { DisclosureRecord } from './records.js';
export type { AssignmentRecord } from './records.js';
export { accessReport, inRange, latestDecisions, parseRecords } from './reports.js';
export type { AccessReport, AuditRecords } from './reports.js';
export {
  ERASURE_REASONS,
  encodeErasureRequest,
  erasureGroundsProblem,
  isErasureReason,
  parseErasureRequest,
  parseErasureResult,
} from './erasure.js';
export type { ErasureReason, ErasureRecord, ErasureRequest, ErasureResult } from './erasure.js';
