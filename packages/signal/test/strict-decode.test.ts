import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSamenhangError } from '@samenhang/errors';
import { decodeKeepingUnknowns, v1 } from '@samenhang/proto';
import {
  DEFAULT_REGION_TABLE_FILE,
  assertStrict,
  consentFromJson,
  loadRegionTable,
  signalFromJson,
  validateConsent,
  validateSignal,
} from '@samenhang/signal';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
const REGIONS = ['foodvalley', 'twente', 'flevoland'];
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
  expiresAt: '2027-11-20T10:00:00Z',
  contact: { name: 'L. Mulder', phone: '+31 318 000 005' },
};
const consentBase = {
  consentId: 'c-1',
  agencyId: 'lokaalteam-ede',
  bsn: '999990111',
  purpose: 'SAFETY_ASSESSMENT',
  scope: ['lokaalteam-ede'],
  status: 'GIVEN',
  recordedAt: '2026-11-20T10:00:00Z',
};

function varint(n: number): number[] {
  const out: number[] = [];
  for (; n > 0x7f; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
  out.push(n);
  return out;
}

/** One field as raw wire bytes: a varint (wire type 0) or a length-delimited body (wire type 2). */
function field(no: number, wireType: 0 | 2, value: number | Uint8Array): Uint8Array {
  const tag = varint(no * 8 + wireType);
  if (wireType === 0) return Uint8Array.from([...tag, ...varint(value as number)]);
  const body = value as Uint8Array;
  return Uint8Array.from([...tag, ...varint(body.length), ...body]);
}

type Outcome = 'OK' | { code: string; path?: string };

function outcome(f: () => void): Outcome {
  try {
    f();
    return 'OK';
  } catch (e) {
    if (!isSamenhangError(e)) throw e;
    return { code: e.code, ...(e.path ? { path: e.path } : {}) };
  }
}

/** What the gateway does with a signed payload: decode keeping unknowns, refuse them, then validate. */
function gateway(bytes: Uint8Array, now = NOW): Outcome {
  return outcome(() => {
    const s = decodeKeepingUnknowns(v1.Signal.decode, bytes);
    assertStrict(s);
    validateSignal(s, {
      now,
      allowedRegions: 'all',
      knownRegions: REGIONS,
      regions: loadRegionTable(DEFAULT_REGION_TABLE_FILE, REGIONS),
    });
  });
}

function consentGateway(bytes: Uint8Array): Outcome {
  return outcome(() => {
    const c = decodeKeepingUnknowns(v1.ConsentRecord.decode, bytes);
    assertStrict(c);
    validateConsent(c, {
      now: NOW,
      participants: ['lokaalteam-ede', 'politie-oost-nederland'],
      mayCover: ['lokaalteam-ede'],
    });
  });
}

const encode = (patch: (s: v1.Signal.$Properties & Record<string, any>) => void = () => {}) => {
  const s = signalFromJson(structuredClone(base)) as v1.Signal.$Properties & Record<string, any>;
  patch(s);
  return v1.Signal.encode(s).finish();
};

const invalid = (path: string) => ({ code: 'ERR_SIGNAL_INVALID', path });

describe('strict decoding of a signed Signal', () => {
  it('accepts the base signal, with and without expiresAt', () => {
    expect(gateway(encode())).toBe('OK');
    expect(gateway(encode((s) => delete s.expiresAt))).toBe('OK');
  });

  it('accepts every signal and consent of the reference scenarios', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'scenarios');
    let seen = 0;
    for (const name of ['meneer-m', 'acute', 'single-low-signal']) {
      const scenario = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as {
        steps: { type: string; daysAgo: number; signal?: object; consent?: object }[];
      };
      for (const step of scenario.steps) {
        const at = new Date(NOW - step.daysAgo * DAY).toISOString();
        if (step.signal)
          expect(
            gateway(v1.Signal.encode(signalFromJson({ ...step.signal, observedAt: at })).finish()),
            `${name}`,
          ).toBe('OK');
        if (step.consent) {
          const c = decodeKeepingUnknowns(
            v1.ConsentRecord.decode,
            v1.ConsentRecord.encode(consentFromJson({ ...step.consent, recordedAt: at })).finish(),
          );
          expect(outcome(() => assertStrict(c))).toBe('OK');
        }
        seen++;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(8);
  });

  it('refuses a 60 KB unknown field at the top level, naming its number', () => {
    const bytes = encode((s) => (s.$unknowns = [field(17, 2, new Uint8Array(60 * 1024).fill(0x41))]));
    expect(gateway(bytes)).toEqual(invalid('/#17'));
    // protobufjs's default decoding would have dropped it without a trace.
    expect(v1.Signal.decode(bytes).$unknowns).toBeUndefined();
  });

  it('refuses an unknown field appended after the signed fields', () => {
    const valid = encode();
    const bytes = Uint8Array.from([...valid, ...field(99, 0, 1)]);
    expect(gateway(bytes)).toEqual(invalid('/#99'));
  });

  it.each([
    [
      'in the address',
      (s: Record<string, any>) => (s.address.$unknowns = [field(17, 2, Uint8Array.of(1, 2, 3))]),
      '/address/#17',
    ],
    [
      'in a related person',
      (s: Record<string, any>) => (s.relatedPersons[0].person.$unknowns = [field(5, 0, 7)]),
      '/relatedPersons/0/person/#5',
    ],
    [
      'in the contact',
      (s: Record<string, any>) => (s.contact.$unknowns = [field(4, 2, new Uint8Array(0))]),
      '/contact/#4',
    ],
    ['in a Timestamp', (s: Record<string, any>) => (s.observedAt.$unknowns = [field(3, 0, 1)]), '/observedAt/#3'],
  ])('refuses an unknown field %s', (_n, patch, path) => {
    expect(gateway(encode(patch))).toEqual(invalid(path));
  });

  it.each([
    ['a string field sent as a varint', (s: Record<string, any>) => (s.$unknowns = [field(1, 0, 5)]), '/#1'],
    [
      'a uint32 sent length-delimited',
      (s: Record<string, any>) => (s.address.$unknowns = [field(2, 2, Uint8Array.of(1))]),
      '/address/#2',
    ],
    ['a message sent as a varint', (s: Record<string, any>) => (s.$unknowns = [field(6, 0, 1)]), '/#6'],
    [
      'Timestamp seconds sent length-delimited',
      (s: Record<string, any>) => (s.expiresAt.$unknowns = [field(1, 2, Uint8Array.of(1))]),
      '/expiresAt/#1',
    ],
  ])('refuses a known field with the wrong wire type: %s', (_n, patch, path) => {
    expect(gateway(encode(patch))).toEqual(invalid(path));
  });

  it.each([
    ['nanos 1e9', { observedAt: { seconds: 1_795_000_000, nanos: 1_000_000_000 } }, '/observedAt/nanos'],
    ['negative nanos', { observedAt: { seconds: 1_795_000_000, nanos: -1 } }, '/observedAt/nanos'],
    ['seconds after 9999-12-31', { expiresAt: { seconds: 253_402_300_800, nanos: 0 } }, '/expiresAt/seconds'],
    ['seconds far beyond 2^53', { expiresAt: { seconds: 2 ** 60, nanos: 0 } }, '/expiresAt/seconds'],
    ['seconds before 0001-01-01', { expiresAt: { seconds: -62_135_596_801, nanos: 0 } }, '/expiresAt/seconds'],
  ])('refuses a Timestamp out of range: %s', (_n, change, path) => {
    expect(gateway(encode((s) => Object.assign(s, change)))).toEqual(invalid(path));
  });

  it('allows the extremes of the Timestamp range itself', () => {
    const c = decodeKeepingUnknowns(
      v1.Signal.decode,
      encode((s) => {
        s.observedAt = { seconds: -62_135_596_800, nanos: 0 };
        s.expiresAt = { seconds: 253_402_300_799, nanos: 999_999_999 };
      }),
    );
    expect(outcome(() => assertStrict(c))).toBe('OK');
  });

  it.each([
    ['category', (s: Record<string, any>) => (s.category = 99), '/category'],
    ['severity', (s: Record<string, any>) => (s.severity = 5), '/severity'],
    ['legal ground', (s: Record<string, any>) => (s.legalGround = -1), '/legalGround'],
    ['relation', (s: Record<string, any>) => (s.relatedPersons[0].relation = 42), '/relatedPersons/0/relation'],
  ])('refuses an enum value the contract does not declare: %s', (_n, patch, path) => {
    // protobufjs keeps an undeclared enum number as it is; the validator refuses it.
    expect(gateway(encode(patch))).toEqual(invalid(path));
  });

  it('never puts content in the message', () => {
    const bytes = encode((s) => (s.$unknowns = [field(17, 2, new TextEncoder().encode('secret 999990111'))]));
    const s = decodeKeepingUnknowns(v1.Signal.decode, bytes);
    expect(() => assertStrict(s)).toThrow(/^(?!.*(secret|999990111))/);
  });
});

describe('strict decoding of a signed ConsentRecord', () => {
  const encodeConsent = (patch: (c: Record<string, any>) => void = () => {}) => {
    const c = consentFromJson(structuredClone(consentBase)) as Record<string, any>;
    patch(c);
    return v1.ConsentRecord.encode(c).finish();
  };

  it('accepts a valid consent', () => expect(consentGateway(encodeConsent())).toBe('OK'));
  it.each([
    ['an unknown field', (c: Record<string, any>) => (c.$unknowns = [field(8, 2, Uint8Array.of(1))]), '/#8'],
    ['scope sent as a varint', (c: Record<string, any>) => (c.$unknowns = [field(5, 0, 1)]), '/#5'],
    ['recordedAt nanos 1e9', (c: Record<string, any>) => (c.recordedAt.nanos = 1_000_000_000), '/recordedAt/nanos'],
    ['an undeclared status', (c: Record<string, any>) => (c.status = 7), '/status'],
    ['an undeclared purpose', (c: Record<string, any>) => (c.purpose = 9), '/purpose'],
  ])('refuses %s', (_n, patch, path) => {
    expect(consentGateway(encodeConsent(patch))).toEqual(invalid(path));
  });
});
