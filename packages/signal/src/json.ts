import { SamenhangError } from '@samenhang/errors';
import { toTimestamp, type v1 } from '@samenhang/proto';
import { enumValueOf, type EnumKind } from './enums.js';

type Obj = Record<string, unknown>;

function fail(path: string, what: string): never {
  throw new SamenhangError('ERR_INPUT_INVALID', `${path} ${what}`, { path });
}

function obj(v: unknown, path: string, keys: readonly string[]): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(path || '/', 'must be an object');
  const extra = Object.keys(v).find((k) => !keys.includes(k));
  if (extra !== undefined) fail(`${path}/${extra}`, 'is not a known field');
  return v as Obj;
}

function str(o: Obj, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') fail(`${path}/${key}`, 'must be a string');
  return v;
}

function num(o: Obj, key: string, path: string): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`${path}/${key}`, 'must be a non-negative integer');
  return v;
}

function enm(o: Obj, key: string, path: string, kind: EnumKind): number | undefined {
  const name = str(o, key, path);
  if (name === undefined) return undefined;
  const value = enumValueOf(kind, name);
  if (value === undefined) fail(`${path}/${key}`, `is not a known ${kind}`);
  return value;
}

function time(o: Obj, key: string, path: string) {
  const s = str(o, key, path);
  if (s === undefined) return undefined;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) fail(`${path}/${key}`, 'must be an ISO 8601 date-time');
  return toTimestamp(ms);
}

function bool(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  if (v !== undefined && typeof v !== 'boolean') fail(`${path}/${key}`, 'must be a boolean');
  return v === true;
}

function person(v: unknown, path: string): v1.Person.$Properties {
  const o = obj(v, path, ['bsn', 'name', 'birthDate', 'confidentialAddress']);
  return {
    bsn: str(o, 'bsn', path) ?? '',
    name: str(o, 'name', path) ?? '',
    birthDate: str(o, 'birthDate', path) ?? '',
    confidentialAddress: bool(o, 'confidentialAddress', path),
  };
}

function contact(v: unknown, path: string): v1.Contact.$Properties {
  const c = obj(v, path, ['name', 'phone', 'email']);
  return { name: str(c, 'name', path) ?? '', phone: str(c, 'phone', path) ?? '', email: str(c, 'email', path) ?? '' };
}

const SIGNAL_KEYS = [
  'signalId',
  'agencyId',
  'region',
  'subject',
  'relatedPersons',
  'address',
  'category',
  'severity',
  'summary',
  'legalGround',
  'meldcodeDecision',
  'observedAt',
  'expiresAt',
  'contact',
  'withdrawsSignalId',
  'reporter',
] as const;

/**
 * Maps the JSON that `samenhang publish` reads (Signal in camelCase, enums by
 * name, times as ISO 8601) to Signal properties. It checks JSON types only: what
 * a valid signal is, the gateway decides, so the answer is the same for any client.
 */
export function signalFromJson(input: unknown, path = ''): v1.Signal.$Properties {
  const o = obj(input, path, SIGNAL_KEYS);
  const related = o.relatedPersons;
  if (related !== undefined && !Array.isArray(related)) fail(`${path}/relatedPersons`, 'must be an array');
  const out: v1.Signal.$Properties = {
    signalId: str(o, 'signalId', path) ?? '',
    agencyId: str(o, 'agencyId', path) ?? '',
    region: str(o, 'region', path) ?? '',
    relatedPersons: ((related as unknown[] | undefined) ?? []).map((r, i) => {
      const p = `${path}/relatedPersons/${i}`;
      const ro = obj(r, p, ['person', 'relation']);
      return {
        person: ro.person === undefined ? null : person(ro.person, `${p}/person`),
        relation: enm(ro, 'relation', p, 'relation') ?? 0,
      };
    }),
    category: enm(o, 'category', path, 'category') ?? 0,
    severity: enm(o, 'severity', path, 'severity') ?? 0,
    summary: str(o, 'summary', path) ?? '',
    legalGround: enm(o, 'legalGround', path, 'legalGround') ?? 0,
    meldcodeDecision: bool(o, 'meldcodeDecision', path),
    observedAt: time(o, 'observedAt', path) ?? null,
    expiresAt: time(o, 'expiresAt', path) ?? null,
    withdrawsSignalId: str(o, 'withdrawsSignalId', path) ?? '',
  };
  if (o.subject !== undefined) out.subject = person(o.subject, `${path}/subject`);
  if (o.address !== undefined) {
    const a = obj(o.address, `${path}/address`, ['postcode', 'houseNumber', 'houseNumberSuffix']);
    out.address = {
      postcode: str(a, 'postcode', `${path}/address`) ?? '',
      houseNumber: num(a, 'houseNumber', `${path}/address`) ?? 0,
      houseNumberSuffix: str(a, 'houseNumberSuffix', `${path}/address`) ?? '',
    };
  }
  if (o.contact !== undefined) out.contact = contact(o.contact, `${path}/contact`);
  if (o.reporter !== undefined) out.reporter = contact(o.reporter, `${path}/reporter`);
  return out;
}
