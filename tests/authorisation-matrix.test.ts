import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headers, type NatsConnection } from 'nats';
import { startTestStack, type TestStack } from '@samenhang/testkit';
import { openFilteredReader } from '@samenhang/nats';
import { STREAMS } from '@samenhang/topology';

/** One identity of each kind (the privacy officer, the operators' organisation and the programme office too). */
const IDENTITIES = {
  POLICE: 'politie-oost-nederland',
  MENTAL_HEALTH: 'ggz-centraal',
  LOCAL_TEAM: 'lokaalteam-ede',
  JUSTICE: 'reclassering-nederland',
  RVT: 'rvt-foodvalley',
  PRIVACY_OFFICER: 'privacy-officer',
  OPERATOR: 'beheer',
  PROGRAMME_OFFICE: 'leren',
} as const;
type Kind = keyof typeof IDENTITIES;

type Cell = (nc: NatsConnection, self: string) => Promise<void>;
const publish =
  (subject: string): Cell =>
  async (nc) =>
    void (await nc.jetstream().publish(subject, new Uint8Array([0])));
const read =
  (stream: string, filter: string): Cell =>
  async (nc) =>
    (await openFilteredReader(nc, stream, filter)).close();
const request =
  (subject: string): Cell =>
  async (nc) => {
    // A request a subject forbids never reaches a responder: nats-server reports a permissions error.
    await nc.request(subject, new Uint8Array(), { timeout: 3000 });
  };

/** Every subject family, for one's own and for someone else's id or region. */
const FAMILIES: Record<string, (self: string) => Cell> = {
  'ingress (own)': (self) => publish(`samenhang.ingress.${self}`),
  'ingress (other)': () => publish('samenhang.ingress.lokaalteam-almere'),
  'consent (own)': (self) => publish(`samenhang.consent.${self}`),
  'consent (other)': () => publish('samenhang.consent.lokaalteam-almere'),
  'receipts (own)': (self) => read(STREAMS.RECEIPTS, `samenhang.receipts.${self}`),
  'receipts (other)': () => read(STREAMS.RECEIPTS, 'samenhang.receipts.lokaalteam-almere'),
  'signals (read)': () => read(STREAMS.SIGNALS, 'samenhang.signals.foodvalley'),
  'signals (write)': () => publish('samenhang.signals.foodvalley'),
  'alerts foodvalley': () => read(STREAMS.ALERTS, 'samenhang.alerts.foodvalley'),
  'alerts twente': () => read(STREAMS.ALERTS, 'samenhang.alerts.twente'),
  'picture foodvalley': () => request('samenhang.picture.foodvalley'),
  'picture twente': () => request('samenhang.picture.twente'),
  // A person's decision reaches the consent service only through the console, which checks who decides.
  'human decision (own region)': () => publish('samenhang.human.foodvalley'),
  'human decision (other region)': () => publish('samenhang.human.twente'),
  'audit (read)': () => read(STREAMS.AUDIT, 'samenhang.audit.>'),
  'audit (write)': () => publish('samenhang.audit.decisions'),
  // Erasing a person is the operator's and the broker's privacy officer's (through the console) alone.
  'erasure request': () => request('samenhang.erasure'),
};

const AGENCY = ['ingress (own)', 'consent (own)', 'receipts (own)'];
const ALLOWED: Record<Kind, string[]> = {
  POLICE: AGENCY,
  MENTAL_HEALTH: AGENCY,
  LOCAL_TEAM: AGENCY,
  JUSTICE: AGENCY,
  RVT: [...AGENCY, 'alerts foodvalley', 'picture foodvalley'],
  PRIVACY_OFFICER: ['audit (read)'],
  // The operators' organisation: its people see the broker's health in the console; on NATS, nothing.
  OPERATOR: [],
  // The programme office: its analysts see learning figures in the console; on NATS, nothing.
  PROGRAMME_OFFICE: [],
};

describe('authorisation matrix: every identity kind × every subject family', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => t?.close());

  it('lets only the allowed cells succeed', async () => {
    const result: Record<string, string[]> = {};
    for (const [kind, id] of Object.entries(IDENTITIES) as [Kind, string][]) {
      result[kind] = [];
      for (const [family, cell] of Object.entries(FAMILIES)) {
        const nc = await t.connect(id);
        try {
          await cell(id)(nc, id);
          result[kind].push(family);
        } catch (e) {
          const code = (e as { code?: string }).code;
          // Refusals must be permission errors (or, for a forbidden request, no reply at all).
          expect(['PERMISSIONS_VIOLATION', '503', 'TIMEOUT'], `${kind} × ${family}: ${code}`).toContain(code);
        } finally {
          await nc.close().catch(() => undefined);
        }
      }
    }
    expect(result).toEqual(ALLOWED);
  }, 180_000);
});

/**
 * Every JetStream API verb a participant could try, against the broker's streams, KV buckets
 * and durable consumers. nats-server answers a forbidden request with a permissions error
 * before any JetStream code sees it; anything else (an answer, an API error, no responder)
 * means the subject was allowed.
 */
const API: Record<string, (self: string) => string> = {
  'account info': () => '$JS.API.INFO',
  'stream create': () => '$JS.API.STREAM.CREATE.EVIL',
  'stream names': () => '$JS.API.STREAM.NAMES',
  'stream list': () => '$JS.API.STREAM.LIST',
  'stream info': () => '$JS.API.STREAM.INFO.AUDIT',
  'stream update': () => '$JS.API.STREAM.UPDATE.AUDIT',
  'stream delete': () => '$JS.API.STREAM.DELETE.ALERTS',
  'stream purge': () => '$JS.API.STREAM.PURGE.ALERTS',
  'message get': () => '$JS.API.STREAM.MSG.GET.ALERTS',
  'message delete': () => '$JS.API.STREAM.MSG.DELETE.AUDIT',
  'direct get (picture)': () => '$JS.API.DIRECT.GET.KV_PICTURES',
  'direct get (data key)': () => '$JS.API.DIRECT.GET.KV_VAULT_KEYS',
  'kv write (picture)': () => '$KV.PICTURES.sys_evil',
  'kv write (audit state)': () => '$KV.AUDIT_STATE.log',
  'consumer create (SIGNALS)': () => '$JS.API.CONSUMER.CREATE.SIGNALS.evil.samenhang.signals.foodvalley',
  'consumer create (legacy ephemeral)': () => '$JS.API.CONSUMER.CREATE.ALERTS',
  'durable create (legacy)': () => '$JS.API.CONSUMER.DURABLE.CREATE.ALERTS.evil',
  'consumer list': () => '$JS.API.CONSUMER.LIST.ALERTS',
  'consumer names': () => '$JS.API.CONSUMER.NAMES.RECEIPTS',
  'consumer info (audit durable)': () => '$JS.API.CONSUMER.INFO.AUDIT.audit',
  'consumer next (consent durable)': () => '$JS.API.CONSUMER.MSG.NEXT.SIGNALS.consent',
  'consumer delete (gateway durable)': () => '$JS.API.CONSUMER.DELETE.INGRESS.broker-gateway',
  'service durable name, own filter': (self) =>
    `$JS.API.CONSUMER.CREATE.RECEIPTS.broker-gateway.samenhang.receipts.${self}`,
  'audit durable name, audit filter': () => '$JS.API.CONSUMER.CREATE.AUDIT.audit.samenhang.audit.>',
  'ack for a service consumer': () => '$JS.ACK.SIGNALS.consent.1.1.1.1.0',
  'own receipts reader': (self) => `$JS.API.CONSUMER.CREATE.RECEIPTS.mine.samenhang.receipts.${self}`,
  'own region alerts reader': () => '$JS.API.CONSUMER.CREATE.ALERTS.mine.samenhang.alerts.foodvalley',
  'audit reader': () => '$JS.API.CONSUMER.CREATE.AUDIT.mine.samenhang.audit.>',
};

const API_ALLOWED: Record<Kind, string[]> = {
  POLICE: ['own receipts reader'],
  MENTAL_HEALTH: ['own receipts reader'],
  LOCAL_TEAM: ['own receipts reader'],
  JUSTICE: ['own receipts reader'],
  RVT: ['own receipts reader', 'own region alerts reader'],
  PRIVACY_OFFICER: ['audit reader'],
  OPERATOR: [],
  PROGRAMME_OFFICE: [],
};

describe('authorisation matrix: every participant kind × every JetStream API verb', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ services: [] });
  });
  afterAll(async () => t?.close());

  it("denies every verb but reading one's own", async () => {
    const result: Record<string, string[]> = {};
    for (const [kind, id] of Object.entries(IDENTITIES) as [Kind, string][]) {
      const nc = await t.connect(id);
      result[kind] = [];
      for (const [verb, subject] of Object.entries(API)) {
        try {
          await nc.request(subject(id), JSON.stringify({}), { timeout: 2000 });
          result[kind].push(verb);
        } catch (e) {
          if ((e as { code?: string }).code !== 'PERMISSIONS_VIOLATION') result[kind].push(verb);
        }
      }
      await nc.close();
    }
    expect(result).toEqual(API_ALLOWED);
  }, 180_000);
});

/** Where each broker service may write: its own outputs, and nothing a participant reads unless it is that output. */
const SERVICE_TARGETS = {
  ingress: 'samenhang.ingress.lokaalteam-ede',
  receipts: 'samenhang.receipts.lokaalteam-ede',
  signals: 'samenhang.signals.foodvalley',
  alerts: 'samenhang.alerts.foodvalley',
  audit: 'samenhang.audit.probe',
  'audit disclosures': 'samenhang.audit.disclosures',
  'audit erasures': 'samenhang.audit.erasures',
  'picture request': 'samenhang.picture.foodvalley',
  'an RVT inbox': '_INBOX_rvt-foodvalley.probe',
  'an agency inbox': '_INBOX_lokaalteam-ede.probe',
  'the console inbox': '_INBOX_console.probe',
  'erasure request': 'samenhang.erasure',
  kv: '$KV.PICTURES.sys_probe',
} as const;

const SERVICE_ALLOWED: Record<string, (keyof typeof SERVICE_TARGETS)[]> = {
  'broker-gateway': ['receipts', 'signals', 'kv'],
  // The console's inbox: the consent service answers its erasure requests, the responder its pictures.
  consent: ['alerts', 'audit', 'audit disclosures', 'audit erasures', 'the console inbox', 'kv'],
  'picture-responder': ['an RVT inbox', 'the console inbox'],
  audit: ['audit', 'audit disclosures', 'audit erasures', 'kv'],
  // Of the audit log, only the records it writes itself (views, access reports, assignments).
  console: ['ingress', 'audit disclosures', 'picture request', 'erasure request', 'kv'],
};

describe('authorisation matrix: every broker service × where it may write', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ services: [] });
  });
  afterAll(async () => t?.close());

  it('lets each service write only its own outputs (core publishes, heard by the admin)', async () => {
    const admin = await t.connect('broker-admin');
    const heard = new Set<string>();
    admin.subscribe('>', { callback: (_e, m) => heard.add(`${m.headers?.get('probe-from') ?? ''} ${m.subject}`) });
    await admin.flush();
    const result: Record<string, string[]> = {};
    for (const service of Object.keys(SERVICE_ALLOWED)) {
      const nc = await t.connect(service);
      for (const subject of Object.values(SERVICE_TARGETS)) {
        const h = headers();
        h.set('probe-from', service);
        nc.publish(subject, new Uint8Array([1]), { headers: h });
      }
      await nc.flush();
      await nc.close();
    }
    await admin.flush();
    await new Promise((r) => setTimeout(r, 500));
    for (const service of Object.keys(SERVICE_ALLOWED)) {
      result[service] = Object.entries(SERVICE_TARGETS)
        .filter(([, subject]) => heard.has(`${service} ${subject}`))
        .map(([name]) => name);
    }
    expect(result).toEqual(SERVICE_ALLOWED);
  }, 120_000);
});
