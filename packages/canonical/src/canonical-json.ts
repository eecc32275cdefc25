import { hash } from 'node:crypto';

/**
 * Canonical JSON (RFC 8785, JCS) for the values Samenhang hashes: objects with
 * keys sorted by UTF-16 code units, no whitespace, ECMAScript number and string
 * serialisation. Undefined members are dropped, as JSON.stringify does.
 *
 * JSON.stringify already writes numbers and strings as RFC 8785 asks; only key order
 * differs. So a value whose keys are in order (or a copy with them sorted) is written by
 * JSON.stringify in one flat string: decisions, audit records and alert views are
 * written for every signal, and building the text piece by piece allocated more than
 * anything else in the consent service (docs/history/performance-rounds.md).
 */
export function canonicalJson(value: unknown): string {
  const ordered = inOrder(value);
  return ordered === NOT_PLAIN ? appended(value) : JSON.stringify(ordered);
}

/**
 * Whether JSON.stringify alone writes `value` canonically: every object plain, its keys
 * already in order. Records written for every signal are built so; tests check it.
 */
export function inCanonicalOrder(value: unknown): boolean {
  return inOrder(value) === value;
}

/** A value JSON.stringify would not write as RFC 8785 does (class instance, toJSON, index-like keys out of order). */
const NOT_PLAIN = Symbol('not plain');

/** Array-index keys, which objects keep first in numeric order whatever their insertion order. */
const INDEX_LIKE = /^(?:0|[1-9]\d{0,9})$/;

/** `v` itself when every object in it has its keys in canonical order, else a copy that has; NOT_PLAIN if neither can be had. */
function inOrder(v: unknown): unknown {
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError('canonical JSON has no NaN or Infinity');
      return v;
    case 'string':
    case 'boolean':
    case 'undefined':
      return v;
    case 'object':
      break;
    default:
      return NOT_PLAIN; // functions (a toJSON member among them), symbols, bigints
  }
  if (v === null) return v;
  if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      const o = inOrder(item);
      if (o === NOT_PLAIN) return NOT_PLAIN;
      if (o !== item) {
        copy ??= v.slice();
        copy[i] = o;
      }
    }
    return copy ?? v;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN; // Date, Uint8Array, protobuf messages …
  const record = v as Record<string, unknown>;
  let sorted = true;
  let prev: string | undefined;
  // Members in key order as far as they are unchanged; from the first changed one on, all.
  let members: unknown[] | undefined;
  let i = 0;
  for (const k in record) {
    if (prev !== undefined && !(prev < k)) sorted = false; // `<` compares UTF-16 code units, as RFC 8785 asks
    prev = k;
    const item = record[k];
    const o = inOrder(item);
    if (o === NOT_PLAIN) return NOT_PLAIN;
    if (members) members.push(o);
    else if (o !== item) {
      members = Object.keys(record)
        .slice(0, i)
        .map((key) => record[key]);
      members.push(o);
    }
    i++;
  }
  if (sorted && !members) return v;
  const keys = Object.keys(record);
  // Objects put index-like keys first, in numeric order: a copy cannot have them sorted.
  if (!sorted && keys.some((k) => INDEX_LIKE.test(k))) return NOT_PLAIN;
  const copy = Object.create(null) as Record<string, unknown>; // no prototype: a "__proto__" key stays a key
  for (const j of keys.map((_, at) => at).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1)))
    copy[keys[j]!] = members ? members[j] : record[keys[j]!];
  return copy;
}

/** The general case, built by appending: keys sorted wherever they are. */
function appended(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const v: unknown = value[i];
      out += v === undefined ? 'null' : appended(v);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, which is what RFC 8785 asks for.
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${appended(v)}`;
  }
  return `${out}}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex'); // one-shot: no Hash object per call
}

/** SHA-256 (hex) of a value's canonical JSON. */
export function canonicalSha256(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
