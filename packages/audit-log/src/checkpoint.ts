import { X509Certificate, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { SamenhangError } from '@samenhang/errors';
import { certificateUris, parseIdentityUri } from '@samenhang/pki';
import {
  checkpointBody,
  logNoteKey,
  parseCheckpointBody,
  parseNote,
  parseVerifierKey,
  signNote,
  verifierKey,
  verifyLogNote,
  type Note,
  type Verifier,
} from './note.js';

export const ORIGIN = 'samenhang.dev/audit/v1';
const TYP = 'samenhang-checkpoint+json';

/**
 * A signed tree head of the audit log. It also lists the leaf hashes it adds since
 * the previous checkpoint, so a verifier can name the exact entry that changed.
 */
export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly time: string;
  readonly previous: { readonly treeSize: number; readonly rootHash: string } | null;
  /** Leaf hashes of entries previous.treeSize .. treeSize-1, in order. */
  readonly leaves: readonly string[];
  /**
   * The same tree head as a C2SP signed note (tlog-checkpoint), signed with the log's note key,
   * for witnesses and transparency-log tooling; and that key, as a C2SP verifier key.
   */
  readonly note?: string;
  readonly noteKey?: string;
}

/**
 * Signs a checkpoint as a compact JWS; the signer's certificate travels in x5c. The payload
 * also carries the tree head as a signed note, with the note key derived from the same key.
 */
export async function signCheckpoint(c: Checkpoint, key: KeyObject, certPem: string): Promise<string> {
  const der = new X509Certificate(certPem).raw.toString('base64');
  const noteKey = logNoteKey(key);
  const withNote: Checkpoint = {
    ...c,
    note: signNote(checkpointBody(c.origin, c.treeSize, c.rootHash), c.origin, noteKey),
    noteKey: verifierKey(c.origin, noteKey),
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(withNote)))
    .setProtectedHeader({ alg: 'PS256', typ: TYP, x5c: [der] })
    .sign(key);
}

/**
 * What a verifier of many checkpoints learned once: the signing certificates it checked
 * against the trust anchor (by their bytes) and the note keys it parsed. A log's checkpoints
 * are all signed with one certificate, and checking it each time cost more than the rest of
 * the verification.
 */
export class CheckpointCache {
  readonly signers = new Map<string, KeyObject>();
  readonly noteKeys = new Map<string, ReturnType<typeof parseVerifierKey>>();
}

/** The public key of an x5c certificate issued by the CA to the audit service, or an error. */
function auditSigner(x5c: string, ca: X509Certificate, trustDomain: string): KeyObject {
  const cert = new X509Certificate(Buffer.from(x5c, 'base64'));
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey))
    throw new SamenhangError('ERR_AUDIT_LOG_MISMATCH', 'the signing certificate is not issued by the trust anchor');
  const name = certificateUris(cert)
    .map(parseIdentityUri)
    .find((u) => u?.trustDomain === trustDomain);
  if (name?.type !== 'service' || name.id !== 'audit')
    throw new SamenhangError('ERR_AUDIT_LOG_MISMATCH', 'the signing certificate is not the audit service');
  return cert.publicKey;
}

/** A checkpoint as read, and the check of its signatures, still under way. */
export interface ReadCheckpoint {
  readonly checkpoint: Checkpoint;
  /** Rejects (ERR_AUDIT_LOG_MISMATCH) if the JWS or the note signature does not verify. */
  readonly signed: Promise<void>;
}

/** What a checkpoint claims, checked for all but its signatures, and what they are checked with. */
interface Claims {
  readonly checkpoint: Checkpoint;
  readonly key: KeyObject;
  readonly note?: { readonly note: Note; readonly verifier: Verifier };
}

const malformed = () => new SamenhangError('ERR_AUDIT_LOG_MISMATCH', 'malformed checkpoint');

/**
 * Reads a checkpoint JWS without checking its signatures: the x5c certificate must be issued
 * by the CA and name the audit service (checked once per certificate), what it says must be
 * well formed, and its note must state the same tree head under a key that can be read.
 * Throws ERR_AUDIT_LOG_MISMATCH otherwise.
 */
function claimsOf(jws: string, ca: X509Certificate, trustDomain: string, cache: CheckpointCache): Claims {
  const header = decodeProtectedHeader(jws);
  if (header.typ !== TYP || !Array.isArray(header.x5c) || header.x5c.length !== 1)
    throw new SamenhangError('ERR_AUDIT_LOG_MISMATCH', 'not a checkpoint (typ or x5c missing)');
  const x5c = header.x5c[0]!;
  let key = cache.signers.get(x5c);
  if (!key) {
    key = auditSigner(x5c, ca, trustDomain);
    cache.signers.set(x5c, key);
  }
  let c: Checkpoint;
  try {
    c = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as Checkpoint;
  } catch {
    throw malformed();
  }
  if (
    c === null ||
    typeof c !== 'object' ||
    c.origin !== ORIGIN ||
    !Number.isInteger(c.treeSize) ||
    !/^[0-9a-f]{64}$/.test(c.rootHash) ||
    !Array.isArray(c.leaves)
  )
    throw malformed();
  if (c.note === undefined) return { checkpoint: c, key };
  // The note must state the same head, signed by the key the (CA-verified) payload names.
  const note = parseNote(c.note);
  const head = parseCheckpointBody(note.body);
  if (head.origin !== c.origin || head.treeSize !== c.treeSize || head.rootHash !== c.rootHash)
    throw new SamenhangError('ERR_AUDIT_LOG_MISMATCH', 'the signed note states another tree head');
  const noteKey = c.noteKey ?? '';
  let verifier = cache.noteKeys.get(noteKey);
  if (!verifier) {
    verifier = parseVerifierKey(noteKey);
    cache.noteKeys.set(noteKey, verifier);
  }
  return { checkpoint: c, key, note: { note, verifier } };
}

/** Checks the signatures of a checkpoint read by claimsOf: the JWS first, so a forged payload is named as such, not by its note. */
function signaturesOf(jws: string, claims: Claims): Promise<void> {
  const jwsSigned = compactVerify(jws, claims.key, { algorithms: ['PS256'] }).then(
    () => undefined,
    () => {
      throw new SamenhangError('ERR_AUDIT_LOG_MISMATCH', 'signature invalid');
    },
  );
  if (!claims.note) return jwsSigned;
  const noteSigned = verifyLogNote(claims.note.note, claims.note.verifier);
  noteSigned.catch(() => undefined);
  return jwsSigned.then(() => noteSigned);
}

/**
 * Reads a checkpoint JWS and starts checking its signatures: the x5c certificate must be
 * issued by the CA and name the audit service (checked here, once per certificate), the JWS
 * and the note must verify (`signed`, on the thread pool). What it says is structurally
 * checked here, so a verifier can go on with it while the signatures are checked; nothing it
 * says counts until `signed` resolves. With `signatures` the signatures are checked there
 * instead (a worker thread, for a verifier of a long log: checking them here cost the
 * verifying thread more than reading them).
 */
export function readCheckpoint(
  jws: string,
  ca: X509Certificate,
  trustDomain: string,
  cache = new CheckpointCache(),
  signatures?: { check(jws: string): Promise<void> },
): ReadCheckpoint {
  const claims = claimsOf(jws, ca, trustDomain, cache);
  return { checkpoint: claims.checkpoint, signed: signatures ? signatures.check(jws) : signaturesOf(jws, claims) };
}

/**
 * Verifies a checkpoint JWS against the trust anchor only: the x5c certificate must
 * be issued by the CA and name the audit service, and the signature must verify.
 */
export async function verifyCheckpoint(
  jws: string,
  ca: X509Certificate,
  trustDomain: string,
  cache = new CheckpointCache(),
): Promise<Checkpoint> {
  const r = readCheckpoint(jws, ca, trustDomain, cache);
  await r.signed;
  return r.checkpoint;
}
