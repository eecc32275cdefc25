import { SamenhangError } from '@samenhang/errors';
import type { X509Certificate } from 'node:crypto';
import { MerkleTree, fromHex, leafHash, toHex, verifyConsistency, verifyInclusion } from '@samenhang/merkle';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { CHECKPOINT_SUBJECT, type LogEntry } from './verify-log.js';

/** Everything needed to prove, offline, that a record is in the signed log. */
export interface InclusionProofFile {
  readonly type: 'samenhang-inclusion-proof';
  readonly version: 1;
  readonly record: string; // base64 of the record bytes as logged (canonical JSON)
  readonly index: number;
  readonly treeSize: number;
  readonly proof: readonly string[];
  readonly checkpoint: string; // the signed checkpoint (JWS) whose tree contains the record
}

/** Checks a proof file with nothing but the trust anchor: checkpoint signature, then the Merkle path. */
export async function verifyProofFile(
  p: InclusionProofFile,
  trust: { ca: X509Certificate; trustDomain: string },
): Promise<{ ok: boolean; what: string; record?: unknown }> {
  if (p.type !== 'samenhang-inclusion-proof' || p.version !== 1)
    return { ok: false, what: 'not a Samenhang inclusion proof' };
  let c: Checkpoint;
  try {
    c = await verifyCheckpoint(p.checkpoint, trust.ca, trust.trustDomain);
  } catch (e) {
    return { ok: false, what: `checkpoint: ${(e as Error).message}` };
  }
  if (c.treeSize !== p.treeSize) return { ok: false, what: 'the proof is for another tree size than its checkpoint' };
  const record = Buffer.from(p.record, 'base64');
  if (!verifyInclusion(p.index, p.treeSize, leafHash(record), p.proof.map(fromHex), fromHex(c.rootHash))) {
    return { ok: false, what: 'the record is not in the signed tree (record or proof altered)' };
  }
  return {
    ok: true,
    what: `record ${p.index} is in the audit log of ${c.treeSize} records signed at ${c.time}`,
    record: JSON.parse(record.toString('utf8')),
  };
}

/** That the log signed at one checkpoint is a prefix of the log signed at a later one. */
export interface ConsistencyProofFile {
  readonly type: 'samenhang-consistency-proof';
  readonly version: 1;
  readonly first: string; // checkpoint JWS
  readonly second: string; // checkpoint JWS
  readonly proof: readonly string[];
}

/** Builds the consistency proof between the checkpoints of two tree sizes (default: the latest). */
export async function proveConsistency(
  entries: readonly LogEntry[],
  fromSize: number,
  toSize: number | undefined,
  trust: { ca: X509Certificate; trustDomain: string },
): Promise<ConsistencyProofFile> {
  const records = entries.filter((e) => e.subject !== CHECKPOINT_SUBJECT);
  const cps = [];
  for (const e of entries.filter((x) => x.subject === CHECKPOINT_SUBJECT)) {
    const jws = Buffer.from(e.data).toString('utf8');
    cps.push({ jws, c: await verifyCheckpoint(jws, trust.ca, trust.trustDomain) });
  }
  const first = cps.find((x) => x.c.treeSize === fromSize);
  const second = toSize === undefined ? cps.at(-1) : cps.find((x) => x.c.treeSize === toSize);
  if (!first || !second)
    throw new SamenhangError('ERR_NOT_FOUND', `no signed checkpoint of size ${first ? toSize : fromSize}`);
  const tree = new MerkleTree(records.slice(0, second.c.treeSize).map((r) => leafHash(r.data)));
  return {
    type: 'samenhang-consistency-proof',
    version: 1,
    first: first.jws,
    second: second.jws,
    proof: tree.consistencyProof(first.c.treeSize).map(toHex),
  };
}

export async function verifyConsistencyFile(
  p: ConsistencyProofFile,
  trust: { ca: X509Certificate; trustDomain: string },
): Promise<{ ok: boolean; what: string }> {
  let a: Checkpoint;
  let b: Checkpoint;
  try {
    a = await verifyCheckpoint(p.first, trust.ca, trust.trustDomain);
    b = await verifyCheckpoint(p.second, trust.ca, trust.trustDomain);
  } catch (e) {
    return { ok: false, what: `checkpoint: ${(e as Error).message}` };
  }
  const ok = verifyConsistency(a.treeSize, b.treeSize, fromHex(a.rootHash), fromHex(b.rootHash), p.proof.map(fromHex));
  return ok
    ? {
        ok: true,
        what: `the log of ${a.treeSize} records signed at ${a.time} is a prefix of the log of ${b.treeSize} signed at ${b.time}`,
      }
    : { ok: false, what: `the log of ${b.treeSize} records does not extend the log of ${a.treeSize}` };
}
