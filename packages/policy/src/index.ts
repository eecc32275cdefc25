export { CONSENT_STATES, DISCLOSABLE_FIELDS, OUTCOMES, SEVERITIES } from './types.js';
export type {
  Condition,
  ConsentState,
  DisclosableField,
  LoadedPolicy,
  Obligation,
  Outcome,
  Policy,
  Rule,
  SeverityName,
} from './types.js';
export { policySchema } from './schema.js';
export { DEFAULT_POLICY_FILE, DEFAULT_POLICY_PIN_FILE, loadDefaultPolicy, loadPolicy, parsePolicy } from './load.js';
