// A participant's side of a running stack, over NATS: what an agency system does (sign,
// publish, collect receipts) and what the privacy officer reads (the audit log). The CLI's
// commands, the bench and the tests all act as these participants, through this one API.
export { AgencyClient, PUBLISH_DEADLINE_MS, REPUBLISH_AFTER_MS, loadSigner, outcomeOf } from './agency-client.js';
export type { SignerKey } from './agency-client.js';
export { publishStep } from './scenario-step.js';
export type { ScenarioStep } from './scenario-step.js';
export { openAuditIndex, readAuditLog, streamAuditLog } from './audit-reader.js';
