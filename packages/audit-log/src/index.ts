export { CheckpointCache, ORIGIN, signCheckpoint, verifyCheckpoint } from './checkpoint.js';
export type { Checkpoint } from './checkpoint.js';
export { CHECKPOINT_SUBJECT, LogVerifier, verifyLog } from './verify-log.js';
export type { LogEntry, VerifyReport } from './verify-log.js';
export { proveConsistency, verifyConsistencyFile, verifyProofFile } from './proof.js';
export type { ConsistencyProofFile, InclusionProofFile } from './proof.js';
export type { DisclosureRecord } from './records.js';
export type { AssignmentRecord } from './records.js';
export { inRange, latestDecisions, parseRecords } from './reports.js';
export type { AuditRecords } from './reports.js';
export { concerning, signalOf } from './citizen/concerning.js';
export type { Concerning } from './citizen/concerning.js';
export { citizenReport } from './citizen/build.js';
export type { ReportContext } from './citizen/build.js';
export { reportContext } from './citizen/context.js';
export { readHeldData } from './citizen/held-data.js';
export type { VaultReader } from './citizen/held-data.js';
export { REQUESTER_KINDS } from './citizen/model.js';
export type {
  CitizenReport,
  CitizenSignal,
  HeldAddress,
  HeldData,
  RecipientGroup,
  ReportLang,
  RequesterKind,
  Withheld,
} from './citizen/model.js';
export { CITIZEN_REPORT_CSS, REPORT_WORDS, citizenReportDocument, renderCitizenReport } from './citizen/render-html.js';
export { checkpointBody, cosignatureLine, ed25519FromSeed, parseNote, signNote, verifierKey } from './note.js';
export { cosignedHead, witnessLog, witnessedBy } from './witness.js';
export type { WitnessFinding } from './witness.js';
export {
  ERASURE_REASONS,
  encodeErasureRequest,
  erasureGroundsProblem,
  isErasureReason,
  parseErasureRequest,
  parseErasureResult,
} from './erasure.js';
export type { ErasureReason, ErasureRecord, ErasureRequest, ErasureResult } from './erasure.js';
