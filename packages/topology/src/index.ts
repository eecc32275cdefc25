export {
  AUDIT_BATCH,
  AUDIT_CONSUMER,
  AUDIT_INDEX_BATCH,
  AUDIT_INDEX_CONSUMER,
  auditIndexConsumer,
  AUDIT_LINGER_MS,
  BUCKETS,
  CONSENT_CONSUMER,
  GATEWAY_CONSUMER,
  SESSION_MAX_MS,
  STAFF_TTL_MS,
  STREAMS,
  ensureStreams,
  streamConfigs,
} from './streams.js';
export { HEALTH_SERVICE_PREFIX, agencyOfSubject, auditSubjects, healthSubject, subjects } from './subjects.js';
export {
  askersOf,
  inboxPrefix,
  natsUsers,
  participantPermissions,
  servicePermissions,
  type Askers,
} from './permissions.js';
export type { NatsUser, Permissions } from './permissions.js';
export { permitsPublish, readSubject, subjectMatches } from './subject-match.js';
export { revokedIdentityIds } from './revoked.js';
export { signalKey } from './signal-key.js';
