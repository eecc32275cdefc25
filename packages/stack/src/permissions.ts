import { identityUri, type Participant, type Registry, type ServiceIdentity } from '@samenhang/pki';
import { healthSubject } from './health.js';
import { subjects } from './subjects.js';

export interface Permissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
}

/** Each identity gets its own inbox prefix, so no one can read another's replies. */
export function inboxPrefix(id: string): string {
  return `_INBOX_${id}`;
}

/**
 * Least privilege per participant (DESIGN §3, §4): publish only on its own ingress
 * and consent subjects, read its own receipts through an ordered pull consumer whose
 * filter is part of the API subject (nats-server 2.9), and nothing else. RVTs may
 * also read their region's alerts and ask for its pictures; a privacy officer may
 * only read the audit log.
 */
export function participantPermissions(p: Participant): Permissions {
  const publish: string[] = [];
  const consumerApi = (stream: string, filter: string) => [
    `$JS.API.CONSUMER.CREATE.${stream}.*.${filter}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.*`,
    `$JS.API.CONSUMER.INFO.${stream}.*`,
    `$JS.API.CONSUMER.DELETE.${stream}.*`,
  ];
  if (p.kind === 'PRIVACY_OFFICER') {
    publish.push(...consumerApi('AUDIT', 'samenhang.audit.>'));
  } else {
    publish.push(subjects.ingress(p.id), subjects.consent(p.id), ...consumerApi('RECEIPTS', subjects.receipts(p.id)));
  }
  if (p.kind === 'RVT' && p.regions !== 'all') {
    for (const region of p.regions) publish.push(...consumerApi('ALERTS', subjects.alerts(region)), subjects.picture(region));
  }
  return { publish, subscribe: [`${inboxPrefix(p.id)}.>`] };
}

/** Who may ask a service something, and so whose inboxes its answers go to. */
export interface Askers {
  /** Health ($SRV, samenhang.health.*): the operator identities (role admin). */
  readonly health: readonly string[];
  /** Pictures (samenhang.picture.*): RVTs with regions, and the console acting for them. */
  readonly pictures: readonly string[];
}

/** The askers a registry allows: exactly those whose own permissions let them ask. */
export function askersOf(registry: Registry): Askers {
  return {
    health: registry.services.filter((s) => s.role === 'admin').map((s) => s.id),
    pictures: [
      ...registry.participants.filter((p) => p.kind === 'RVT' && p.regions !== 'all').map((p) => p.id),
      ...registry.services.filter((s) => s.role === 'console').map((s) => s.id),
    ],
  };
}

/**
 * Broker services are trusted components inside the broker and use the JetStream
 * API broadly; the admin identity (stack bootstrap, streams) may do anything.
 *
 * A service answers into the inboxes of those who may ask it, named outright, not
 * through nats-server's reply grants (`allow_responses`): nats-server records a grant
 * for every message delivered with a reply subject — every JetStream and watch
 * delivery — and, once a client holds 4,096, walks them all on each delivery (22.6 %
 * of its CPU at 200,000 systems, docs/performance.md stop 26). A grant also lapsed
 * after 2 s, so a picture answered later under load was refused. Being able to write
 * to those inboxes adds nothing to a service that may already use the JetStream API.
 */
export function servicePermissions(s: ServiceIdentity, askers: Askers): Permissions {
  if (s.role === 'admin') return { publish: ['>'], subscribe: ['>'] };
  const writes: Record<ServiceIdentity['role'], string[]> = {
    gateway: ['samenhang.signals.>', 'samenhang.consents.>', 'samenhang.receipts.>'],
    consent: ['samenhang.alerts.>', 'samenhang.audit.>'],
    audit: ['samenhang.audit.>'],
    // The HTTPS API and web console act for signed-in identities, after checking
    // each action against that identity's own permissions (services/console).
    console: ['samenhang.ingress.*', 'samenhang.consent.*', 'samenhang.picture.*', 'samenhang.audit.>'],
    admin: [],
  };
  // Health and picture answers; the console answers no requests.
  const answersTo = s.role === 'console' ? [] : [...askers.health, ...(s.role === 'consent' ? askers.pictures : [])];
  return {
    publish: [...writes[s.role], '$JS.API.>', '$JS.ACK.>', '$KV.>', '$JS.FC.>', ...answersTo.map((id) => `${inboxPrefix(id)}.>`)],
    // $SRV and samenhang.health: every service answers health requests (health.ts).
    subscribe: [
      `${inboxPrefix(s.id)}.>`, '$SRV.>', healthSubject(s.id),
      ...(s.role === 'consent' ? ['samenhang.picture.>'] : []),
      // The console answers an API call with its receipt as the gateway publishes it.
      ...(s.role === 'console' ? ['samenhang.receipts.*'] : []),
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
      .map((p) => ({ user: identityUri(registry.trustDomain, 'participant', p.id), permissions: participantPermissions(p) })),
    ...registry.services
      .filter((s) => !revokedIds.has(s.id))
      .map((s) => ({ user: identityUri(registry.trustDomain, 'service', s.id), permissions: servicePermissions(s, askers) })),
  ];
}
