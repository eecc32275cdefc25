export { NATS_INSTALL_HINT, findNatsServer, natsServerVersion, requireNatsServer } from './nats-binary.js';
export {
  askersOf,
  inboxPrefix,
  natsUsers,
  participantPermissions,
  servicePermissions,
  type Askers,
} from './permissions.js';
export type { NatsUser, Permissions } from './permissions.js';
export { agencyOfSubject, subjects } from './subjects.js';
export { renderServerConfig } from './server-config.js';
export type { ServerConfigOptions } from './server-config.js';
export { freePort, portFree } from './ports.js';
export { HomePorts, portsFile } from './home-ports.js';
export { exited, startNatsProcess, waitHealthy } from './nats-process.js';
export { natsRuntimeEnv } from './nats-runtime.js';
export type { NatsProcess } from './nats-process.js';
export { connectAs } from './connect.js';
export type { ConnectOptions } from './connect.js';
export {
  AUDIT_BATCH,
  AUDIT_CONSUMER,
  AUDIT_LINGER_MS,
  BUCKETS,
  CONSENT_CONSUMER,
  GATEWAY_CONSUMER,
  STREAMS,
  ensureStreams,
  streamConfigs,
} from './streams.js';
export { readStackInfo, removeStackInfo, writeStackInfo } from './stack-file.js';
export type { StackInfo } from './stack-file.js';
export { ensureBrokerKeys, loadBrokerKeys } from './broker-keys.js';
export type { BrokerKeys } from './broker-keys.js';
export { refreshNatsUsers, revokedIdentityIds, startEmbeddedNats } from './embedded.js';
export type { EmbeddedNats, NodeSpec } from './embedded.js';
export { openFilteredReader } from './filtered-reader.js';
export { requestPicture } from './picture-client.js';
export { retryOnTimeout } from './retry-timeout.js';
export { retryTransient } from './retry-transient.js';
export { isTransientNatsError } from './transient.js';
export { publishBackoff, publishRetrying } from './publish-retry.js';
export type { RetryingPublishOptions } from './publish-retry.js';
export type { FilteredReader, ReadMessage, ReaderOptions } from './filtered-reader.js';
export { bindKv, bucketLastSequence, isCasFailure, kvByteStore, serialWrites } from './kv-store.js';
export { leanKv } from './lean-kv.js';
export type { ExtraHeaders, StampedWrites } from './lean-kv.js';
export { forEachLast, lastHeaders } from './last-writes.js';
export type { HeaderPass, KeyHeader, LastWrite } from './last-writes.js';
export { KeyedLock } from './keyed-lock.js';
export { BloomKeys } from './bloom-keys.js';
export { ChangeWatch } from './change-watch.js';
export type { KeyChange } from './change-watch.js';
export { KeyWatch } from './key-watch.js';
export type { KeySet, KnownKeys } from './key-watch.js';
export { SERVICE_NODE_OPTIONS, spawnService } from './service-process.js';
export type { ServiceProcess } from './service-process.js';
export { DEFAULT_BACKOFF, Supervisor, backoffDelay, describeStatus } from './supervisor.js';
export type {
  Backoff,
  ExitRecord,
  ServiceState,
  ServiceStatus,
  Spawn,
  SupervisorEvent,
  SupervisorOptions,
} from './supervisor.js';
export { signalKey } from './signal-key.js';
export { consumeConcurrently, consumeInBatches } from './consume.js';
export type { Consumption } from './consume.js';
export {
  SERVICE_CONFIG_PROPERTIES,
  SERVICE_CONFIG_REQUIRED,
  exitGracefully,
  serviceBase,
} from './service-lifecycle.js';
export type { ServiceFields } from './service-lifecycle.js';
export { HEALTH_SERVICE_PREFIX, healthSubject, serveHealth } from './health.js';
export type { Health, HealthChecks, HealthReport } from './health.js';
export { permitsPublish, readSubject, subjectMatches } from './subject-match.js';
export { readAll } from './read-all.js';
export type { StoredMessage } from './read-all.js';
