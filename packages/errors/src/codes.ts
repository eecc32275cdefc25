/**
 * Every stable error code of Samenhang. These are public API: receipts, problem
 * documents and CLI output carry them, and docs/errors.md documents each one
 * (a test fails when a code here is missing there).
 */
export const ERROR_CODES = [
  // envelope and signature (ingress)
  'ERR_ENVELOPE_MALFORMED',
  'ERR_ENVELOPE_TOO_LARGE',
  'ERR_HEADER_INVALID',
  'ERR_ALG_NOT_ALLOWED',
  'ERR_CERT_UNKNOWN',
  'ERR_CERT_EXPIRED',
  'ERR_CERT_REVOKED',
  'ERR_SIGNATURE_INVALID',
  'ERR_AGENCY_MISMATCH',
  // signal content
  'ERR_SIGNAL_MALFORMED',
  'ERR_SIGNAL_INVALID',
  'ERR_BSN_INVALID',
  'ERR_REGION_NOT_ALLOWED',
  'ERR_REGION_MISMATCH',
  'ERR_REGION_UNKNOWN',
  'ERR_TIMESTAMP_INVALID',
  'ERR_WITHDRAW_UNKNOWN',
  'ERR_CONSENT_SCOPE',
  // configuration, registry, PKI and vault (start-up and operator errors)
  'ERR_CONFIG_INVALID',
  'ERR_REGISTRY_INVALID',
  'ERR_PKI_MISSING',
  'ERR_VAULT_KEY_MISSING',
  'ERR_VAULT_DECRYPT',
  'ERR_AUDIT_STATE',
  'ERR_AUDIT_LOG_MISMATCH',
  'ERR_AUDIT_NOT_COVERED',
  'ERR_AUDIT_INDEX',
  // erasure (AVG art. 17, court orders): a request refused, or not carried out
  'ERR_ERASURE_INVALID',
  'ERR_ERASURE_FAILED',
  // policy (fail closed: nothing is disclosed while the policy is unavailable)
  'ERR_POLICY_INVALID',
  // client-side (CLI) errors
  'ERR_USAGE',
  'ERR_INPUT_INVALID',
  'ERR_RECEIPT_TIMEOUT',
  'ERR_NATS_SERVER_MISSING',
  'ERR_STACK_NOT_RUNNING',
  // HTTPS API and console (issue 7)
  'ERR_UNAUTHENTICATED',
  'ERR_FORBIDDEN',
  'ERR_LOGIN_INVALID',
  'ERR_MEDIA_TYPE',
  'ERR_NOT_FOUND',
  // anything unexpected; never carries detail to the client
  'ERR_INTERNAL',
  'ERR_CONFLICT',
  // something of our own is briefly unavailable: retried, never answered to a client
  'ERR_TRANSIENT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
