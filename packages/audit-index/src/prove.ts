import type { X509Certificate } from 'node:crypto';
import { verifyCheckpoint, type InclusionProofFile } from '@samenhang/audit-log';
import { SamenhangError } from '@samenhang/errors';
import { leafHash, storedInclusion, toHex } from '@samenhang/merkle';
import type { AuditIndex } from './store.js';

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
  const { root, proof } = storedInclusion(row.leaf, c.treeSize, {
    leaves: (from, to) => index.leafHashes(from, to),
    chunks: (from, to) => index.chunkHashes(from, to),
  });
  const record = row.body;
  if (toHex(root) !== c.rootHash || toHex(leafHash(record)) !== toHex(row.hash))
    throw new SamenhangError(
      'ERR_AUDIT_INDEX',
      'the audit index does not match the signed checkpoint: run audit verify, then audit reindex',
    );
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
