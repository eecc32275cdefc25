export { FAIL_CLOSED, decide } from './decide.js';
export { alertDue } from './alert-rule.js';
export type { AlertEntry } from './alert-rule.js';
export { consentStateFor } from './consent.js';
export { retentionEnd } from './retention.js';
export { severityRank } from './conditions.js';
export type { ConsentFact, DecisionInput, Recipient, SignalFacts } from './facts.js';
export type { DecisionObligation, DecisionRecord, RuleEvaluation } from './record.js';
