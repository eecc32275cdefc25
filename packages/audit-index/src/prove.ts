import type { X509Certificate } from 'node:crypto';
import { verifyCheckpoint, type InclusionProofFile } from '@samenhang/audit-log';
import { SamenhangError } from '@samenhang/errors';
import { fromHex, leafHash, storedInclusionProof, toHex, verifyInclusion } from '@samenhang/merkle';
import type { AuditIndex } from './store.js';

/**
 * PATH(leaf, D[0:size]) made from the index's chunk and leaf hashes, refused
 * (ERR_AUDIT_INDEX) unless it proves `record` at `leaf` against `rootHex`, the signed root: a
 * proof made from chunk hashes does not read the row's own hash, so the row is checked by
 * verifying the proof, as whoever receives it will.
 */
export function inclusionFromIndex(
  index: AuditIndex,
  leaf: number,
  record: Uint8Array,
  size: number,
  rootHex: string,
): Uint8Array[] {
  const proof = storedInclusionProof(leaf, size, {
    leaves: (from, to) => index.leafHashes(from, to),
    chunks: (from, to) => index.chunkHashes(from, to),
  });
  if (!verifyInclusion(leaf, size, leafHash(record), proof, fromHex(rootHex)))
    throw new SamenhangError(
      'ERR_AUDIT_INDEX',
      'the audit index does not match the signed checkpoint: run audit verify, then audit reindex',
    );
  return proof;
}

/**
 * The inclusion proof of one row (a decision, disclosure, erasure or assignment, by its id)
 * against the newest signed checkpoint, made from the index's chunk and leaf hashes. The
 * index is not trusted for it: the checkpoint's signature is checked, and a root that does not
 * match the one signed means the index differs from the log (ERR_AUDIT_INDEX: reindex).
 */
export async function proveRow(
  index: AuditIndex,
  recordId: string,
  trust: { ca: X509Certificate; trustDomain: string },
): Promise<InclusionProofFile> {
  const row = index.row(recordId);
  if (!row) throw new SamenhangError('ERR_NOT_FOUND', `no record ${recordId} in the audit log`);
  const jws = index.latestCheckpoint();
  const c = jws ? await verifyCheckpoint(jws, trust.ca, trust.trustDomain) : undefined;
  if (!jws || !c || c.treeSize <= row.leaf)
    throw new SamenhangError(
      'ERR_AUDIT_NOT_COVERED',
      `record ${recordId} is not yet covered by a signed checkpoint; try again in a few seconds`,
    );
  const record = row.body;
  const proof = inclusionFromIndex(index, row.leaf, record, c.treeSize, c.rootHash);
  return {
    type: 'samenhang-inclusion-proof',
    version: 1,
    record: record.toString('base64'),
    index: row.leaf,
    treeSize: c.treeSize,
    proof: proof.map(toHex),
    checkpoint: jws,
  };
}
