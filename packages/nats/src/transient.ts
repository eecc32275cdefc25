/**
 * NATS error codes that say "the infrastructure is briefly unavailable", not "this
 * message is bad": no responders (also JetStream's 503 while a stream elects a
 * leader), timeouts, and a connection that is reconnecting. Work that fails with one
 * of these is retried for as long as it takes; it must never become a rejection.
 */
const TRANSIENT_CODES = new Set([
  '503',
  'TIMEOUT',
  '408',
  'DISCONNECT',
  'CONNECTION_CLOSED',
  'CONNECTION_DRAINING',
  'CONNECTION_REFUSED',
  'CONNECTION_TIMEOUT',
]);

/** JetStream API error codes of a cluster that is electing or catching up. */
const TRANSIENT_API_ERRORS = new Set([
  10008, // JSClusterNotAvailErr: JetStream system temporarily unavailable
  10009, // JSClusterNotLeaderErr: JetStream cluster can not handle request (no leader yet)
]);

export function isTransientNatsError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { name?: unknown; code?: unknown; api_error?: { err_code?: unknown } };
  if (err.name !== 'NatsError') return false;
  if (typeof err.code === 'string' && TRANSIENT_CODES.has(err.code)) return true;
  return typeof err.api_error?.err_code === 'number' && TRANSIENT_API_ERRORS.has(err.api_error.err_code);
}
