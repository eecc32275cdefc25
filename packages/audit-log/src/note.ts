import { createHash, createHmac, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { SamenhangError } from '@samenhang/errors';

/**
 * Checkpoints as C2SP signed notes (c2sp.org/signed-note, c2sp.org/tlog-checkpoint) and their
 * witness cosignatures (c2sp.org/tlog-cosignature, Ed25519, timestamped): the text standard
 * transparency-log tooling reads. A note is its body, an empty line, and one signature line
 * per signer: `— <key name> base64(4-byte key id || signature)`.
 */

const ED25519 = 0x01;
const COSIGNATURE = 0x04;
const DASH = '\u2014';
/** PKCS#8 DER of an Ed25519 private key, before its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const bad = (what: string): never => {
  throw new SamenhangError('ERR_AUDIT_LOG_MISMATCH', what);
};

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return Buffer.from(pub.export({ format: 'jwk' }).x!, 'base64url');
}

const keyId = (name: string, type: number, pub: Buffer) =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.of(type), pub]))
    .digest()
    .subarray(0, 4);

/** A verifier key as C2SP writes one: `<name>+<hex key id>+<base64(type || public key)>`. */
export function verifierKey(name: string, key: KeyObject, type = ED25519): string {
  const pub = rawPublicKey(key);
  return `${name}+${keyId(name, type, pub).toString('hex')}+${Buffer.concat([Buffer.of(type), pub]).toString('base64')}`;
}

export interface Verifier {
  readonly name: string;
  readonly type: number;
  readonly id: Buffer;
  readonly key: KeyObject;
}

export function parseVerifierKey(vkey: string): Verifier {
  // The base64 key may itself hold '+': only the first two separate the parts.
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(vkey.trim());
  if (!m) return bad('not a verifier key');
  const [, name, hex, b64] = m as unknown as [string, string, string, string];
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 33) return bad('not an Ed25519 verifier key');
  const type = raw[0]!;
  const pub = raw.subarray(1);
  const id = keyId(name, type, pub);
  if (id.toString('hex') !== hex) return bad('verifier key id does not match its key');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') }, format: 'jwk' });
  return { name, type, id, key };
}

/** The checkpoint body: origin, tree size, base64 root hash, each on its own line. */
export function checkpointBody(origin: string, treeSize: number, rootHex: string): string {
  return `${origin}\n${treeSize}\n${Buffer.from(rootHex, 'hex').toString('base64')}\n`;
}

export function parseCheckpointBody(body: string): { origin: string; treeSize: number; rootHash: string } {
  const [origin, size, root] = body.split('\n');
  const rootBytes = Buffer.from(root ?? '', 'base64');
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(size ?? '') || rootBytes.length !== 32) return bad('malformed checkpoint');
  return { origin, treeSize: Number(size), rootHash: rootBytes.toString('hex') };
}

const line = (name: string, id: Buffer, sig: Buffer) =>
  `${DASH} ${name} ${Buffer.concat([id, sig]).toString('base64')}\n`;

/** The log's own signature of a note body (signature type 0x01). */
export function signNote(body: string, name: string, key: KeyObject): string {
  return `${body}\n${line(name, keyId(name, ED25519, rawPublicKey(key)), sign(null, Buffer.from(body), key))}`;
}

/** A witness's cosignature line: it saw this checkpoint, consistent with all it saw before, at `time` (s). */
export function cosignatureLine(body: string, name: string, key: KeyObject, time: number): string {
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(time));
  const sig = sign(null, Buffer.from(`cosignature/v1\ntime ${time}\n${body}`), key);
  return line(name, keyId(name, COSIGNATURE, rawPublicKey(key)), Buffer.concat([ts, sig]));
}

export interface Note {
  readonly body: string;
  readonly signatures: readonly { readonly name: string; readonly id: Buffer; readonly sig: Buffer }[];
}

export function parseNote(text: string): Note {
  const split = text.lastIndexOf('\n\n');
  if (split < 0 || !text.endsWith('\n')) return bad('not a signed note');
  const body = text.slice(0, split + 1);
  const signatures = text
    .slice(split + 2, -1)
    .split('\n')
    .map((l) => {
      const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(l);
      if (!m) return bad('malformed signature line');
      const raw = Buffer.from(m[2]!, 'base64');
      if (raw.length < 5) return bad('malformed signature line');
      return { name: m[1]!, id: raw.subarray(0, 4), sig: raw.subarray(4) };
    });
  return { body, signatures };
}

/**
 * Whether `v` signed the note (0x01) or cosigned it (0x04, returning its time). Signatures of
 * other keys are ignored, as the format requires; none of `v` is a failure.
 */
export function verifyNote(note: Note, v: Verifier): { time?: number } {
  const mine = note.signatures.filter((s) => s.name === v.name && s.id.equals(v.id));
  if (mine.length === 0) return bad(`no signature of ${v.name}`);
  for (const s of mine) {
    if (v.type === ED25519 && verify(null, Buffer.from(note.body), v.key, s.sig)) return {};
    if (v.type === COSIGNATURE && s.sig.length === 72) {
      const time = Number(s.sig.readBigUInt64BE(0));
      if (verify(null, Buffer.from(`cosignature/v1\ntime ${time}\n${note.body}`), v.key, s.sig.subarray(8)))
        return { time };
    }
  }
  return bad(`the signature of ${v.name} does not verify`);
}

/**
 * That the log's own key `v` signed the note, checked on the thread pool (node:crypto's
 * callback form): a verifier of many checkpoints goes on hashing records meanwhile.
 */
export function verifyLogNote(note: Note, v: Verifier): Promise<void> {
  const mine = note.signatures.filter((s) => s.name === v.name && s.id.equals(v.id));
  if (v.type !== ED25519 || mine.length === 0) return Promise.resolve().then(() => void verifyNote(note, v));
  const body = Buffer.from(note.body);
  return Promise.all(
    mine.map((s) => new Promise<boolean>((done) => verify(null, body, v.key, s.sig, (e, ok) => done(!e && ok)))),
  ).then((oks) => {
    if (!oks.some(Boolean)) bad(`the signature of ${v.name} does not verify`);
  });
}

/** A new Ed25519 key, e.g. a witness's. */
export function ed25519FromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/**
 * The log's note key, derived from the audit service's own signing key: whoever can sign the
 * log's checkpoints signs its notes, and no second secret has to be kept.
 */
export function logNoteKey(auditKey: KeyObject): KeyObject {
  const der = auditKey.export({ format: 'der', type: 'pkcs8' });
  return ed25519FromSeed(createHmac('sha256', der).update('samenhang audit note key v1').digest());
}

export const COSIGNATURE_TYPE = COSIGNATURE;
