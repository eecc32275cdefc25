import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '@samenhang/pki';
import { STREAMS, subjectMatches, subjects } from '@samenhang/topology';
import { alertRegions, may, mayAskPicture, mayReadAudit } from '../src/access/may.js';
import { participant } from '../src/access/identity.js';
import type { Person } from '../src/access/oidc.js';
import { storedSession } from '../src/access/session-store.js';
import { Sessions } from '../src/access/sessions.js';

const registry = loadRegistry(join(import.meta.dirname, '../../../certs-dev/registry.json'));
const who = (id: string) => participant(registry, id);
const worker: Person = { id: 'person:0123456789abcdef01234567', organisation: 'rvt-foodvalley', role: 'rvt-worker' };

describe('NATS subject matching', () => {
  it.each([
    ['samenhang.ingress.*', 'samenhang.ingress.ggz-centraal', true],
    ['samenhang.ingress.*', 'samenhang.ingress.a.b', false],
    ['samenhang.audit.>', 'samenhang.audit.decisions', true],
    ['samenhang.audit.>', 'samenhang.audit', false],
    ['a.b', 'a.b', true],
    ['a.b', 'a.b.c', false],
    ['a.*.c', 'a.x.c', true],
    ['>', 'anything.at.all', true],
  ])('%s vs %s → %s', (pattern, subject, expected) => expect(subjectMatches(pattern, subject)).toBe(expected));
});

describe("console permissions are the identity's NATS permissions", () => {
  // The same cells as tests/authorisation-matrix.test.ts, which proves them against nats-server.
  const cells = (id: string) => ({
    ingressOwn: may.publish(who(id), subjects.ingress(id)),
    ingressOther: may.publish(who(id), subjects.ingress('lokaalteam-almere')),
    alertsFoodvalley: may.read(who(id), STREAMS.ALERTS, subjects.alerts('foodvalley')),
    alertsTwente: may.read(who(id), STREAMS.ALERTS, subjects.alerts('twente')),
    pictureFoodvalley: mayAskPicture(who(id), 'foodvalley'),
    audit: mayReadAudit(who(id)),
  });
  it('an agency may send for itself only, and sees no alerts or audit', () => {
    expect(cells('ggz-centraal')).toEqual({
      ingressOwn: true,
      ingressOther: false,
      alertsFoodvalley: false,
      alertsTwente: false,
      pictureFoodvalley: false,
      audit: false,
    });
  });
  it('an RVT sees only its own region', () => {
    expect(cells('rvt-foodvalley')).toEqual({
      ingressOwn: true,
      ingressOther: false,
      alertsFoodvalley: true,
      alertsTwente: false,
      pictureFoodvalley: true,
      audit: false,
    });
    expect(alertRegions(who('rvt-twente'), registry)).toEqual(['twente']);
  });
  it('a privacy officer only reads the audit log', () => {
    expect(cells('privacy-officer')).toEqual({
      ingressOwn: false,
      ingressOther: false,
      alertsFoodvalley: false,
      alertsTwente: false,
      pictureFoodvalley: false,
      audit: true,
    });
    expect(alertRegions(who('privacy-officer'), registry)).toEqual([]);
  });
  it("the operators' organisation may do nothing on the broker's subjects", () => {
    expect(cells('beheer')).toEqual({
      ingressOwn: false,
      ingressOther: false,
      alertsFoodvalley: false,
      alertsTwente: false,
      pictureFoodvalley: false,
      audit: false,
    });
  });
  it('the programme office may do nothing on the broker’s subjects either', () => {
    expect(cells('leren')).toEqual({
      ingressOwn: false,
      ingressOther: false,
      alertsFoodvalley: false,
      alertsTwente: false,
      pictureFoodvalley: false,
      audit: false,
    });
  });
  it('services cannot sign in', () => {
    expect(() => participant(registry, 'consent')).toThrow(expect.objectContaining({ code: 'ERR_FORBIDDEN' }));
  });
});

describe('sessions', () => {
  it('are a person acting for their organisation', async () => {
    const session = await new Sessions(1000).create(worker, 0);
    expect(session).toMatchObject({ identity: 'rvt-foodvalley', person: worker });
  });
  it('expire on the server, whatever the browser keeps', async () => {
    const s = new Sessions(1000);
    const session = await s.create(worker, 0);
    expect(s.valid(session.id, 999)).toBe(true); // checked, not used: no renewal
    expect(s.get(session.id, 1000)).toBeUndefined();
    expect(s.get(session.id, 10)).toBeUndefined(); // gone for good once expired
  });
  it('slide with use up to an absolute limit', async () => {
    const s = new Sessions(60_000, 200_000);
    const session = await s.create(worker, 0);
    // Used every 40 s: each use renews the idle minute, until the absolute limit.
    for (let t = 40_000; t < 200_000; t += 40_000)
      expect(s.get(session.id, t)?.identity, `at ${t}`).toBe('rvt-foodvalley');
    expect(s.get(session.id, 200_000)).toBeUndefined();
  });
  it('are stored under a hash of the cookie, never the cookie', async () => {
    const stored: string[] = [];
    const s = new Sessions(60_000, 200_000, {
      put: async (key, v) => void stored.push(key, JSON.stringify(v)),
      remove: async () => undefined,
    });
    const session = await s.create(worker, 0);
    expect(stored.join(' ')).not.toContain(session.id);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
  });
  it('are read back from the store only when they name a person', async () => {
    const bytes = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
    const { id: _, ...stored } = await new Sessions(1000).create(worker, 0);
    expect(storedSession(bytes(stored))).toEqual(stored);
    // What an older console stored for a sign-in by an organisation's link: no person, no session.
    const { person: __, ...organisationOnly } = stored;
    expect(storedSession(bytes(organisationOnly))).toBeUndefined();
    expect(storedSession(new TextEncoder().encode('{not json'))).toBeUndefined();
  });
  it('sets a cookie that scripts and other sites cannot use', async () => {
    const s = new Sessions(900_000, 3_600_000);
    const c = s.cookie(
      await s.create({
        id: 'person:fedcba9876543210fedcba98',
        organisation: 'privacy-officer',
        role: 'privacy-officer',
      }),
    );
    for (const attr of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Max-Age=3600', 'Path=/']) expect(c).toContain(attr);
  });
});
