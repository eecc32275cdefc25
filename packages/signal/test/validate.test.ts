import { describe, expect, it } from 'vitest';
import { isSamenhangError } from '@samenhang/errors';
import { v1 } from '@samenhang/proto';
import { DEFAULT_REGION_TABLE_FILE, loadRegionTable, signalFromJson, validateSignal } from '@samenhang/signal';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const base = {
  signalId: 's-1',
  agencyId: 'lokaalteam-ede',
  region: 'foodvalley',
  subject: { bsn: '999990111', name: 'B. Vos', birthDate: '1990-01-01' },
  relatedPersons: [{ person: { bsn: '999990019', name: 'J. Vos' }, relation: 'PARENT' }],
  address: { postcode: '6711AB', houseNumber: 99 },
  category: 'DEBT',
  severity: 'LOW',
  summary: 'Valid.',
  legalGround: 'STATUTORY_TASK',
  observedAt: '2026-11-20T10:00:00Z',
  contact: { name: 'L. Mulder', phone: '+31 318 000 005' },
};
const knownRegions = ['foodvalley', 'twente', 'flevoland'];
const ctx = {
  now: NOW,
  allowedRegions: ['foodvalley'] as string[],
  knownRegions,
  regions: loadRegionTable(DEFAULT_REGION_TABLE_FILE, knownRegions),
};

function check(patch: (s: Record<string, unknown>) => void, c = ctx): { code: string; path?: string } | 'OK' {
  const json = structuredClone(base) as Record<string, unknown>;
  patch(json);
  const signal = v1.Signal.decode(v1.Signal.encode(signalFromJson(json)).finish());
  try {
    validateSignal(signal, c);
    return 'OK';
  } catch (e) {
    if (!isSamenhangError(e)) throw e;
    return { code: e.code, ...(e.path ? { path: e.path } : {}) };
  }
}

describe('validateSignal', () => {
  it('accepts the base signal', () => expect(check(() => {})).toBe('OK'));
  it('allows tab, line feed and carriage return in free text, and no other C0 control character', () => {
    expect(check((s) => (s.summary = 'a\tb\nc\r\nd'))).toBe('OK');
    for (const c of ['\u0000', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f']) {
      expect(check((s) => (s.summary = `a${c}b`))).toEqual({ code: 'ERR_SIGNAL_INVALID', path: '/summary' });
    }
  });
  it('accepts a national agency in any known region', () =>
    expect(
      check(
        (s: any) => {
          s.region = 'twente';
          s.address.postcode = '7511AB';
        },
        {
          ...ctx,
          allowedRegions: 'all' as never,
        },
      ),
    ).toBe('OK'));
  it('takes the region from the address: a claim that disagrees is refused, naming the responsible region', () => {
    // A police signal claiming Food Valley for an address in Almelo (Twente).
    const police = { ...ctx, allowedRegions: 'all' as never };
    expect(check((s: any) => (s.address.postcode = '7607AB'), police)).toEqual({
      code: 'ERR_REGION_MISMATCH',
      path: '/region',
    });
    expect(check((s: any) => (s.address.postcode = '1012AB'), police)).toEqual({
      code: 'ERR_REGION_UNKNOWN',
      path: '/address/postcode',
    });
  });

  it.each([
    ['missing signal id', (s: Record<string, unknown>) => delete s.signalId, 'ERR_SIGNAL_INVALID', '/signalId'],
    ['signal id with spaces', (s: Record<string, unknown>) => (s.signalId = 'a b'), 'ERR_SIGNAL_INVALID', '/signalId'],
    [
      'region of another agency',
      (s: Record<string, unknown>) => (s.region = 'twente'),
      'ERR_REGION_NOT_ALLOWED',
      '/region',
    ],
    ['unknown region', (s: Record<string, unknown>) => (s.region = 'atlantis'), 'ERR_REGION_NOT_ALLOWED', '/region'],
    ['missing subject', (s: Record<string, unknown>) => delete s.subject, 'ERR_SIGNAL_INVALID', '/subject'],
    ['subject BSN fails 11-test', (s: any) => (s.subject.bsn = '999990008'), 'ERR_BSN_INVALID', '/subject/bsn'],
    [
      'related BSN fails 11-test',
      (s: any) => (s.relatedPersons[0].person.bsn = '123'),
      'ERR_BSN_INVALID',
      '/relatedPersons/0/person/bsn',
    ],
    [
      'related person is the subject',
      (s: any) => (s.relatedPersons[0].person.bsn = '999990111'),
      'ERR_SIGNAL_INVALID',
      '/relatedPersons/0/person/bsn',
    ],
    [
      'related person without relation',
      (s: any) => delete s.relatedPersons[0].relation,
      'ERR_SIGNAL_INVALID',
      '/relatedPersons/0/relation',
    ],
    ['missing name', (s: any) => delete s.subject.name, 'ERR_SIGNAL_INVALID', '/subject/name'],
    [
      'impossible birth date',
      (s: any) => (s.subject.birthDate = '1990-02-30'),
      'ERR_SIGNAL_INVALID',
      '/subject/birthDate',
    ],
    [
      'birth date in the future',
      (s: any) => (s.subject.birthDate = '2030-01-01'),
      'ERR_TIMESTAMP_INVALID',
      '/subject/birthDate',
    ],
    ['missing address', (s: Record<string, unknown>) => delete s.address, 'ERR_SIGNAL_INVALID', '/address'],
    ['bad postcode', (s: any) => (s.address.postcode = '0711AB'), 'ERR_SIGNAL_INVALID', '/address/postcode'],
    ['house number zero', (s: any) => (s.address.houseNumber = 0), 'ERR_SIGNAL_INVALID', '/address/houseNumber'],
    ['missing category', (s: Record<string, unknown>) => delete s.category, 'ERR_SIGNAL_INVALID', '/category'],
    ['missing severity', (s: Record<string, unknown>) => delete s.severity, 'ERR_SIGNAL_INVALID', '/severity'],
    [
      'missing legal ground',
      (s: Record<string, unknown>) => delete s.legalGround,
      'ERR_SIGNAL_INVALID',
      '/legalGround',
    ],
    [
      'summary too long',
      (s: Record<string, unknown>) => (s.summary = 'x'.repeat(2001)),
      'ERR_SIGNAL_INVALID',
      '/summary',
    ],
    [
      'summary with control characters',
      (s: Record<string, unknown>) => (s.summary = 'a\u0000b'),
      'ERR_SIGNAL_INVALID',
      '/summary',
    ],
    [
      'missing observation time',
      (s: Record<string, unknown>) => delete s.observedAt,
      'ERR_SIGNAL_INVALID',
      '/observedAt',
    ],
    [
      'observation in the future',
      (s: Record<string, unknown>) => (s.observedAt = '2026-11-22T12:06:00Z'),
      'ERR_TIMESTAMP_INVALID',
      '/observedAt',
    ],
    [
      'observation 11 years ago',
      (s: Record<string, unknown>) => (s.observedAt = '2015-11-01T00:00:00Z'),
      'ERR_TIMESTAMP_INVALID',
      '/observedAt',
    ],
    [
      'expiry before observation',
      (s: Record<string, unknown>) => (s.expiresAt = '2026-11-19T00:00:00Z'),
      'ERR_TIMESTAMP_INVALID',
      '/expiresAt',
    ],
    ['missing contact', (s: Record<string, unknown>) => delete s.contact, 'ERR_SIGNAL_INVALID', '/contact'],
    ['contact without phone or email', (s: any) => delete s.contact.phone, 'ERR_SIGNAL_INVALID', '/contact'],
    [
      'withdraws itself',
      (s: Record<string, unknown>) => (s.withdrawsSignalId = 's-1'),
      'ERR_SIGNAL_INVALID',
      '/withdrawsSignalId',
    ],
  ])('%s → %s at %s', (_n, patch, code, path) => {
    expect(check(patch as (s: Record<string, unknown>) => void)).toEqual({ code, path });
  });

  it('allows a little clock skew', () => expect(check((s) => (s.observedAt = '2026-11-22T12:04:00Z'))).toBe('OK'));

  it('never puts the offending value in the message', () => {
    const json = structuredClone(base) as any;
    json.subject.bsn = '999990008';
    const signal = v1.Signal.decode(v1.Signal.encode(signalFromJson(json)).finish());
    expect(() => validateSignal(signal, ctx)).toThrow(/^(?!.*999990008)/);
  });
});

describe('signalFromJson', () => {
  it('maps enums by bare name and times to Timestamps', () => {
    const s = signalFromJson(base);
    expect(s.category).toBe(v1.Category.CATEGORY_DEBT);
    expect(s.relatedPersons?.[0]?.relation).toBe(v1.Relation.RELATION_PARENT);
    expect(s.observedAt).toEqual({ seconds: Date.parse('2026-11-20T10:00:00Z') / 1000, nanos: 0 });
  });
  it.each([
    [{ ...base, category: 'FRAUD' }, '/category'],
    [{ ...base, extra: 1 }, '/extra'],
    [{ ...base, address: { postcode: '6711AB', houseNumber: '12' } }, '/address/houseNumber'],
    [{ ...base, observedAt: 'yesterday' }, '/observedAt'],
    [{ ...base, meldcodeDecision: 'yes' }, '/meldcodeDecision'],
  ])('rejects a JSON type error with its path (%#)', (json, path) => {
    expect(() => signalFromJson(json)).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID', path }));
  });
});
