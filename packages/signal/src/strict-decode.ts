import { SamenhangError } from '@samenhang/errors';
import { protobuf } from '@samenhang/proto';

/** The range google.protobuf.Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z. */
const MIN_SECONDS = -62_135_596_800;
const MAX_SECONDS = 253_402_300_799;
const MAX_NANOS = 999_999_999;

interface Decoded {
  readonly $unknowns?: Uint8Array[];
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `trail` holds the keys from the top-level message down, so paths are built only on failure. */
function invalid(trail: readonly (string | number)[], what: string): never {
  const path = trail.map((k) => `/${k}`).join('');
  // Like the validator's messages: the path and what is wrong, never a value.
  throw new SamenhangError('ERR_SIGNAL_INVALID', `${path} ${what}`, { path });
}

/** Field number and wire type of the tag that starts one preserved unknown field. */
function tagOf(raw: Uint8Array): { field: number; wireType: number } {
  // The tag is a varint of at most five bytes; protobufjs has already read it once.
  let tag = 0;
  for (let i = 0; i < 5 && i < raw.length; i++) {
    tag += (raw[i]! & 0x7f) * 2 ** (7 * i);
    if (raw[i]! < 0x80) break;
  }
  return { field: Math.floor(tag / 8), wireType: tag % 8 };
}

function timestamp(t: protobuf.Timestamp, trail: (string | number)[]): void {
  // seconds is a Long when the long package is installed; Number() of a Long goes through its
  // decimal string, toNumber() does not.
  const s: unknown = t.seconds;
  const seconds = typeof s === 'number' ? s : (s as { toNumber(): number }).toNumber();
  if (!(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS))
    invalid([...trail, 'seconds'], 'is outside 0001-01-01 to 9999-12-31');
  if (!(t.nanos >= 0 && t.nanos <= MAX_NANOS)) invalid([...trail, 'nanos'], 'must be 0 to 999999999');
}

function walk(m: Decoded, trail: (string | number)[]): void {
  if (hasOwn.call(m, '$unknowns') && m.$unknowns!.length > 0) {
    const { field, wireType } = tagOf(m.$unknowns![0]!);
    invalid([...trail, `#${field}`], `is not a field of the wire contract with wire type ${wireType}`);
  }
  if (m instanceof protobuf.Timestamp) {
    timestamp(m, trail);
    return;
  }
  const fields = m as Record<string, unknown>;
  // Only fields present on the wire are own properties; defaults live on the prototype.
  const keys = Object.keys(fields);
  for (let k = 0; k < keys.length; k++) {
    const v = fields[keys[k]!];
    if (typeof v !== 'object' || v === null || v instanceof Uint8Array) continue; // scalars, strings, bytes
    trail.push(keys[k]!);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] !== 'object' || v[i] === null) continue; // repeated scalars and strings
        trail.push(i);
        walk(v[i] as Decoded, trail);
        trail.pop();
      }
    } else {
      walk(v as Decoded, trail); // a message, a map, or a Long (nothing to find in it)
    }
    trail.pop();
  }
}

/**
 * Refuses a decoded message, at any depth, that carries a field the wire contract does
 * not define or a Timestamp outside the range its specification allows; the error's
 * `path` is the field's (`/observedAt/nanos`), or for an unknown field the containing
 * message's path and the field number (`/address/#17`).
 *
 * The message must come from `decodeKeepingUnknowns`: protobufjs's default decoding
 * drops unknown fields without a trace. The generated decoders are the field table —
 * a field number they do not know, or a known number with another wire type, ends up in
 * `$unknowns` — so the list of fields is never written a second time. Enum values are
 * the validator's to check (validateSignal, validateConsent). A signature covers every
 * byte of the payload, so what the broker cannot read it must not accept: it would
 * otherwise store and pass on signed content nobody has seen.
 */
export function assertStrict(message: object): void {
  walk(message, []);
}
