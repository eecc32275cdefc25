import { identityUri, type Participant, type Registry, type ServiceIdentity, type ServiceRole } from '@samenhang/pki';
import { AUDIT_CONSUMER, AUDIT_INDEX_CONSUMER, CONSENT_CONSUMER, GATEWAY_CONSUMER, STREAMS } from './streams.js';
import { auditSubjects, healthSubject, subjects } from './subjects.js';

export interface Permissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
  /** Publishing denied even where `publish` allows it (nats-server checks deny first). */
  readonly denyPublish?: readonly string[];
}

/** Each identity gets its own inbox prefix, so no one can read another's replies. */
export function inboxPrefix(id: string): string {
  return `_INBOX_${id}`;
}

/**
 * The broker's own durable consumers. No participant may create (and so update) a
 * consumer of these names, whatever filter it is allowed: the privacy officer's filter on
 * AUDIT is the audit service's own, and an update through it (headers only, say) would
 * stop the log.
 */
export const SERVICE_DURABLES = [GATEWAY_CONSUMER, CONSENT_CONSUMER, AUDIT_CONSUMER, AUDIT_INDEX_CONSUMER] as const;

/**
 * Reading a stream as a participant: only creating a consumer over its own filter (the
 * filter is part of the API subject in nats-server 2.9), which pushes into its own inbox
 * (packages/nats/src/filtered-reader.ts), and answering that consumer's flow control. No pulling, inspecting
 * or deleting by consumer name: a participant who learns another's consumer name can do
 * nothing with it.
 */
const readRights = (stream: string, filter: string) => [
  `$JS.API.CONSUMER.CREATE.${stream}.*.${filter}`,
  `$JS.FC.${stream}.>`,
];

/** Organisations whose people only look at figures in the console: nothing on NATS but their inbox. */
const NO_RIGHTS: ReadonlySet<string> = new Set(['OPERATOR', 'PROGRAMME_OFFICE']);

/**
 * Least privilege per participant: publish only on its own ingress and consent subjects,
 * read its own receipts, and nothing else. RVTs may also read their region's alerts and
 * ask for its pictures; a privacy officer may only read the audit log; the operators'
 * organisation and the programme office may do nothing at all (their people see health and
 * learning figures in the console, which reads them with its own identity).
 */
export function participantPermissions(p: Participant): Permissions {
  const publish: string[] = [];
  if (p.kind === 'PRIVACY_OFFICER') {
    publish.push(...readRights(STREAMS.AUDIT, auditSubjects.all));
  } else if (!NO_RIGHTS.has(p.kind)) {
    publish.push(
      subjects.ingress(p.id),
      subjects.consent(p.id),
      ...readRights(STREAMS.RECEIPTS, subjects.receipts(p.id)),
    );
  }
  if (p.kind === 'RVT' && p.regions !== 'all') {
    for (const region of p.regions)
      publish.push(...readRights(STREAMS.ALERTS, subjects.alerts(region)), subjects.picture(region));
  }
  return {
    publish,
    subscribe: [`${inboxPrefix(p.id)}.>`],
    denyPublish: SERVICE_DURABLES.map((d) => `$JS.API.CONSUMER.CREATE.*.${d}.>`),
  };
}

/** Who may ask a service something, and so whose inboxes its answers go to. */
export interface Askers {
  /** Health ($SRV, samenhang.health.*): the operator identities (role admin). */
  readonly health: readonly string[];
  /** Pictures (samenhang.picture.*): RVTs with regions, and the console acting for them. */
  readonly pictures: readonly string[];
  /** Erasures (samenhang.erasure): the operator identities (role admin) and the console. */
  readonly erasures: readonly string[];
}

/** The askers a registry allows: exactly those whose own permissions let them ask. */
export function askersOf(registry: Registry): Askers {
  return {
    health: registry.services.filter((s) => s.role === 'admin').map((s) => s.id),
    pictures: [
      ...registry.participants.filter((p) => p.kind === 'RVT' && p.regions !== 'all').map((p) => p.id),
      ...registry.services.filter((s) => s.role === 'console').map((s) => s.id),
    ],
    erasures: registry.services.filter((s) => s.role === 'admin' || s.role === 'console').map((s) => s.id),
  };
}

/**
 * Broker services are trusted components inside the broker and use the JetStream API
 * broadly; the admin identity (stack bootstrap, streams) may do anything.
 *
 * No participant can steer a service's write. A request's reply subject is chosen by the
 * requester, so the one service that answers participants — pictures — answers through its
 * own identity, `responder`, which may publish nothing but into the inboxes of those who
 * may ask (and checks the reply subject in code as well). The consent identity, which
 * writes alerts, audit records and pictures, answers no participant: only erasure requests,
 * which only the operator and the console may send, into their inboxes. Answers go to those
 * inboxes named outright, not through nats-server's reply grants (`allow_responses`):
 * nats-server records a grant for every message delivered with a reply subject — every
 * JetStream and watch delivery — and, once a client holds 4,096, walks them all on each
 * delivery (22.6 % of its CPU at 200,000 systems, docs/history/performance-rounds.md). Health requests
 * come only from admin identities, which may publish anything anyway.
 */
export function servicePermissions(s: ServiceIdentity, askers: Askers): Permissions {
  if (s.role === 'admin') return { publish: ['>'], subscribe: ['>'] };
  const health = askers.health.map((id) => `${inboxPrefix(id)}.>`);
  if (s.role === 'responder') {
    return { publish: askers.pictures.map((id) => `${inboxPrefix(id)}.>`), subscribe: ['samenhang.picture.*'] };
  }
  const writes: Record<Exclude<ServiceRole, 'admin' | 'responder'>, string[]> = {
    gateway: ['samenhang.signals.>', 'samenhang.consents.>', 'samenhang.receipts.>'],
    consent: ['samenhang.alerts.>', auditSubjects.all],
    audit: [auditSubjects.all],
    // The HTTPS API and web console act for signed-in identities, after checking
    // each action against that identity's own permissions (services/console).
    console: [
      'samenhang.ingress.*',
      'samenhang.consent.*',
      'samenhang.picture.*',
      'samenhang.human.*',
      // For the broker's privacy officer, whose role the console checks first.
      subjects.erasure,
      // Only the records the console writes itself: a stolen console key forges no decision
      // record and no erasure tombstone (those are the consent service's).
      auditSubjects.disclosures,
      auditSubjects.actions,
    ],
  };
  const erasureAnswers =
    s.role === 'consent'
      ? askers.erasures.filter((id) => !askers.health.includes(id)).map((id) => `${inboxPrefix(id)}.>`)
      : [];
  return {
    publish: [
      ...writes[s.role],
      '$JS.API.>',
      '$JS.ACK.>',
      '$KV.>',
      '$JS.FC.>',
      ...(s.role === 'console' ? [] : health),
      ...erasureAnswers,
    ],
    // $SRV and samenhang.health: every service answers health requests (packages/nats/src/health.ts).
    subscribe: [
      `${inboxPrefix(s.id)}.>`,
      '$SRV.>',
      healthSubject(s.id),
      // The console answers an API call with its receipt as the gateway publishes it.
      ...(s.role === 'console' ? ['samenhang.receipts.*'] : []),
      ...(s.role === 'consent' ? [subjects.erasure] : []),
    ],
  };
}

export interface NatsUser {
  readonly user: string;
  readonly permissions: Permissions;
}

/** One nats-server user per identity, mapped from the certificate's URI SAN; revoked identities are left out. */
export function natsUsers(registry: Registry, revokedIds: ReadonlySet<string>): NatsUser[] {
  const askers = askersOf(registry);
  return [
    ...registry.participants
      .filter((p) => !revokedIds.has(p.id))
      .map((p) => ({
        user: identityUri(registry.trustDomain, 'participant', p.id),
        permissions: participantPermissions(p),
      })),
    ...registry.services
      .filter((s) => !revokedIds.has(s.id))
      .map((s) => ({
        user: identityUri(registry.trustDomain, 'service', s.id),
        permissions: servicePermissions(s, askers),
      })),
  ];
}
