import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { STREAMS, openFilteredReader } from '@samenhang/stack';
import { startTestStack, type TestStack } from './helpers/stack.js';

/** One identity of each kind (and the privacy officer). */
const IDENTITIES = {
  POLICE: 'politie-oost-nederland',
  MENTAL_HEALTH: 'ggz-centraal',
  LOCAL_TEAM: 'lokaalteam-ede',
  JUSTICE: 'reclassering-nederland',
  RVT: 'rvt-foodvalley',
  PRIVACY_OFFICER: 'privacy-officer',
} as const;
type Kind = keyof typeof IDENTITIES;

type Cell = (nc: NatsConnection, self: string) => Promise<void>;
const publish = (subject: string): Cell => async (nc) => void (await nc.jetstream().publish(subject, new Uint8Array([0])));
const read = (stream: string, filter: string): Cell => async (nc) => (await openFilteredReader(nc, stream, filter)).close();
const request = (subject: string): Cell => async (nc) => {
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
  'audit (read)': () => read(STREAMS.AUDIT, 'samenhang.audit.>'),
  'audit (write)': () => publish('samenhang.audit.decisions'),
};

const AGENCY = ['ingress (own)', 'consent (own)', 'receipts (own)'];
const ALLOWED: Record<Kind, string[]> = {
  POLICE: AGENCY,
  MENTAL_HEALTH: AGENCY,
  LOCAL_TEAM: AGENCY,
  JUSTICE: AGENCY,
  RVT: [...AGENCY, 'alerts foodvalley', 'picture foodvalley'],
  PRIVACY_OFFICER: ['audit (read)'],
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
