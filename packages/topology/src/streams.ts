import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  nanos,
  type ConsumerConfig,
  type NatsConnection,
  type StreamConfig,
} from 'nats';
import { auditSubjects } from './subjects.js';

export const STREAMS = {
  INGRESS: 'INGRESS',
  RECEIPTS: 'RECEIPTS',
  SIGNALS: 'SIGNALS',
  ALERTS: 'ALERTS',
  AUDIT: 'AUDIT',
} as const;

export const BUCKETS = {
  /** agency + signal id → how far the gateway got with it (dedup and crash recovery). */
  SIGNAL_INDEX: 'SIGNAL_INDEX',
  /** Encrypted raw identities and free text; erasure is crypto-shredding of VAULT_KEYS, a signal's content is erased on its own. */
  VAULT: 'VAULT',
  /** Per-person data keys, wrapped with the broker's vault key. */
  VAULT_KEYS: 'VAULT_KEYS',
  /** Consent records per person pseudonym. */
  CONSENTS: 'CONSENTS',
  /** Family systems: pictures by system id, and the union-find links of persons and addresses. */
  PICTURES: 'PICTURES',
  FS_PERSONS: 'FS_PERSONS',
  FS_HOUSEHOLDS: 'FS_HOUSEHOLDS',
  /** The audit log's compact Merkle state (one key). */
  AUDIT_STATE: 'AUDIT_STATE',
  /** Console sessions, by a hash of their cookie (never the cookie itself); gone after their absolute limit. */
  CONSOLE_SESSIONS: 'CONSOLE_SESSIONS',
  /** When each person last looked at their work list, by a hash of their pseudonymous id ("new since"). */
  CONSOLE_SEEN: 'CONSOLE_SEEN',
  /** Staff who signed in, per organisation, names sealed; forgotten after STAFF_TTL_MS without a sign-in. */
  CONSOLE_PEOPLE: 'CONSOLE_PEOPLE',
  /** Which worker and local-team contact each alerted family system has, per region, sealed. */
  CONSOLE_ASSIGNMENTS: 'CONSOLE_ASSIGNMENTS',
} as const;

/** How long the console's staff list keeps someone who does not sign in again. */
export const STAFF_TTL_MS = 90 * 24 * 3_600_000;

/** A console session's absolute limit, and so how long the sessions bucket keeps one. */
export const SESSION_MAX_MS = 12 * 3_600_000;

export const CONSENT_CONSUMER = 'consent';
export const AUDIT_CONSUMER = 'audit';
/** The console's consumer that keeps the audit log's read model current (packages/audit-index). */
export const AUDIT_INDEX_CONSUMER = 'audit-index';
/** Records taken into the read model in one write transaction. */
export const AUDIT_INDEX_BATCH = 1024;

/**
 * The read model's consumer: every entry in stream order (leaf indices are counted so),
 * from the start or, for an index that holds more already, after what it holds.
 */
export function auditIndexConsumer(startSeq?: number): Partial<ConsumerConfig> {
  return {
    durable_name: AUDIT_INDEX_CONSUMER,
    ack_policy: AckPolicy.Explicit,
    ...(startSeq === undefined
      ? { deliver_policy: DeliverPolicy.All }
      : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: startSeq }),
    filter_subject: auditSubjects.all,
    ack_wait: nanos(30_000),
    max_ack_pending: AUDIT_INDEX_BATCH,
  };
}
/** Records the audit service appends with one state write (and may hold unacknowledged). */
export const AUDIT_BATCH = 256;
/**
 * How long a batch of audit records waits for more (ms). At 1,000 records/s batches were
 * ~1.7 records, each with a ~3 KB state write; records reach the log this much later,
 * while nothing disclosed waits for that (a disclosure waits for its record on AUDIT).
 */
export const AUDIT_LINGER_MS = 20;

export const GATEWAY_CONSUMER = 'broker-gateway';
const HOUR = 3600_000;

export function streamConfigs(replicas: number): Partial<StreamConfig>[] {
  const common = { storage: StorageType.File, num_replicas: replicas, discard: DiscardPolicy.Old };
  return [
    // Work queue: a message is gone once the gateway acked it, which it does only
    // after its receipt and verified signal are durably stored.
    {
      ...common,
      name: STREAMS.INGRESS,
      subjects: ['samenhang.ingress.*', 'samenhang.consent.*'],
      retention: RetentionPolicy.Workqueue,
      duplicate_window: nanos(2 * 60_000),
    },
    // Redeliveries republish with the same Nats-Msg-Id; a long window absorbs them.
    {
      ...common,
      name: STREAMS.RECEIPTS,
      subjects: ['samenhang.receipts.*'],
      retention: RetentionPolicy.Limits,
      max_age: nanos(90 * 24 * HOUR),
      duplicate_window: nanos(HOUR),
    },
    {
      ...common,
      name: STREAMS.SIGNALS,
      subjects: ['samenhang.signals.*', 'samenhang.consents.*', 'samenhang.human.*'],
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(HOUR),
      deny_delete: true,
    },
    // Notices only (no content: that is fetched on demand from the vault); kept as long as the
    // default policy keeps a signal, 24 months.
    {
      ...common,
      name: STREAMS.ALERTS,
      subjects: ['samenhang.alerts.*'],
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(HOUR),
      max_age: nanos(731 * 24 * HOUR),
    },
    // The audit log: nothing may be deleted or purged (the Merkle log over it is issue 4).
    {
      ...common,
      name: STREAMS.AUDIT,
      subjects: [auditSubjects.all],
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(HOUR),
      deny_delete: true,
      deny_purge: true,
    },
  ];
}

/** Creates (or updates) the streams, KV buckets and durable consumers the broker needs. */
export async function ensureStreams(nc: NatsConnection, replicas = 1): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const cfg of streamConfigs(replicas)) {
    try {
      await jsm.streams.info(cfg.name!);
      await jsm.streams.update(cfg.name!, cfg);
    } catch (e) {
      if ((e as { code?: string }).code !== '404') throw e;
      await jsm.streams.add(cfg);
    }
  }
  const js = nc.jetstream();
  for (const bucket of Object.values(BUCKETS)) {
    await js.views.kv(bucket, {
      history: 1,
      replicas,
      storage: StorageType.File,
      ...(bucket === BUCKETS.CONSOLE_SESSIONS ? { ttl: SESSION_MAX_MS } : {}),
      ...(bucket === BUCKETS.CONSOLE_PEOPLE ? { ttl: STAFF_TTL_MS } : {}),
    });
  }
  await jsm.consumers.add(STREAMS.INGRESS, {
    durable_name: GATEWAY_CONSUMER,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    // Short enough that a crashed gateway's in-flight messages come back quickly.
    ack_wait: nanos(10_000),
    max_ack_pending: 1024,
  });
  // Batches of records; the audit service appends them in stream order only (a record
  // still pending elsewhere stops a batch), so the log's order is the stream's order.
  await jsm.consumers.add(STREAMS.AUDIT, {
    durable_name: AUDIT_CONSUMER,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: auditSubjects.all,
    ack_wait: nanos(10_000),
    max_ack_pending: AUDIT_BATCH,
  });
  await jsm.consumers.add(STREAMS.AUDIT, auditIndexConsumer());
  await jsm.consumers.add(STREAMS.SIGNALS, {
    durable_name: CONSENT_CONSUMER,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(10_000),
    max_ack_pending: 1024,
  });
}
