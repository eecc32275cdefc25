import type { X509Certificate } from 'node:crypto';
import { MerkleTree, leafHash, toHex, verifyConsistency, fromHex } from '@samenhang/merkle';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.js';

/** One message of the AUDIT stream, in stream order. */
export interface LogEntry {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
}

export const CHECKPOINT_SUBJECT = 'samenhang.audit.checkpoints';

export interface VerifyReport {
  readonly ok: boolean;
  readonly records: number;
  readonly checkpoints: number;
  /** Records after the last checkpoint: present, but not yet covered by a signature. */
  readonly uncovered: number;
  readonly latest: { readonly treeSize: number; readonly rootHash: string } | null;
  /** The first problem found, naming the entry (leaf index and stream sequence) where there is one. */
  readonly problem?: {
    readonly index?: number;
    readonly seq?: number;
    readonly recordId?: string;
    readonly what: string;
  };
}

function recordId(data: Uint8Array | undefined): string | undefined {
  if (!data) return undefined;
  try {
    const r = JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
    return (r.decisionId ?? r.disclosureId ?? r.reviewId) as string | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Recomputes the Merkle tree over the records of a log (the stream or a copy of it),
 * checks every checkpoint's signature, its listed leaves, its root and its
 * consistency with the one before — and with the last checkpoint this verifier
 * accepted earlier (`remembered`), which catches a log rolled back or rewritten.
 */
export async function verifyLog(
  entries: readonly LogEntry[],
  trust: { ca: X509Certificate; trustDomain: string },
  remembered: { treeSize: number; rootHash: string } | null,
): Promise<VerifyReport> {
  const records = entries.filter((e) => e.subject !== CHECKPOINT_SUBJECT);
  const leaves = records.map((r) => leafHash(r.data));
  const tree = new MerkleTree(leaves);
  const cps = entries.filter((e) => e.subject === CHECKPOINT_SUBJECT);
  const base = { records: records.length, checkpoints: cps.length };
  const fail = (
    problem: NonNullable<VerifyReport['problem']>,
    latest: VerifyReport['latest'] = null,
  ): VerifyReport => ({ ok: false, ...base, uncovered: 0, latest, problem });
  const at = (i: number) => ({ index: i, seq: records[i]?.seq, recordId: recordId(records[i]?.data) });

  // Pass 1: every checkpoint is genuine and follows the one before; collect what they signed.
  let prev: { treeSize: number; rootHash: string } | null = null;
  const signed: string[] = [];
  const heads: { seq: number; treeSize: number; rootHash: string }[] = [];
  for (const e of cps) {
    let c: Checkpoint;
    try {
      c = await verifyCheckpoint(Buffer.from(e.data).toString('utf8'), trust.ca, trust.trustDomain);
    } catch (err) {
      return fail({ seq: e.seq, what: `checkpoint at stream sequence ${e.seq}: ${(err as Error).message}` }, prev);
    }
    const from = c.previous?.treeSize ?? 0;
    if (prev ? c.previous?.treeSize !== prev.treeSize || c.previous.rootHash !== prev.rootHash : c.previous !== null) {
      return fail(
        {
          seq: e.seq,
          what: `checkpoint of size ${c.treeSize} does not follow the checkpoint before it (size ${prev?.treeSize ?? 0})`,
        },
        prev,
      );
    }
    if (c.treeSize < from || c.leaves.length !== c.treeSize - from)
      return fail(
        { seq: e.seq, what: `checkpoint of size ${c.treeSize} lists ${c.leaves.length} leaves after ${from}` },
        prev,
      );
    signed.push(...c.leaves);
    heads.push({ seq: e.seq, treeSize: c.treeSize, rootHash: c.rootHash });
    prev = { treeSize: c.treeSize, rootHash: c.rootHash };
  }

  // Pass 2: name the first entry that differs from what was signed, and how.
  for (let i = 0; i < signed.length; i++) {
    const actual = leaves[i] ? toHex(leaves[i]!) : undefined;
    if (actual === signed[i]) continue;
    if (actual === undefined)
      return fail(
        {
          ...at(i),
          what: `entry ${i} is missing: the signed log has ${signed.length} records, this one ${records.length}`,
        },
        prev,
      );
    const next = leaves[i + 1] ? toHex(leaves[i + 1]!) : undefined;
    if (actual === signed[i + 1] && next === signed[i])
      return fail({ ...at(i), what: `entries ${i} and ${i + 1} are swapped` }, prev);
    if (actual === signed[i + 1])
      return fail({ ...at(i), what: `entry ${i} was removed: the entry now at ${i} was signed at ${i + 1}` }, prev);
    return fail({ ...at(i), what: `entry ${i} was modified: its hash differs from the signed checkpoint` }, prev);
  }
  for (const h of heads) {
    if (toHex(tree.root(h.treeSize)) !== h.rootHash)
      return fail({ seq: h.seq, what: `checkpoint of size ${h.treeSize}: root hash does not match the records` }, prev);
  }

  if (remembered) {
    if (!prev || prev.treeSize < remembered.treeSize) {
      return fail(
        {
          what: `the log was rolled back: it now ends at ${prev?.treeSize ?? 0} signed records, but a checkpoint of ${remembered.treeSize} was verified before`,
        },
        prev,
      );
    }
    const ok = verifyConsistency(
      remembered.treeSize,
      prev.treeSize,
      fromHex(remembered.rootHash),
      fromHex(prev.rootHash),
      tree.consistencyProof(remembered.treeSize, prev.treeSize),
    );
    if (!ok)
      return fail(
        {
          what: `the log is not consistent with the checkpoint of size ${remembered.treeSize} verified before: it was rewritten`,
        },
        prev,
      );
  }
  return { ok: true, ...base, uncovered: records.length - (prev?.treeSize ?? 0), latest: prev };
}
