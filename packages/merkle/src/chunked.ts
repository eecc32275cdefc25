import { nodeHash, split } from './hash.js';
import { CompactTree } from './compact.js';
import { inclusionRanges } from './ranges.js';

/**
 * Leaves per stored chunk: a read model of a log keeps the subtree hash of every aligned run
 * of CHUNK_LEAVES leaves, so a proof reads at most a few chunks' worth of leaf hashes and one
 * hash per chunk, not every leaf (ten million leaf hashes took 47 s to read and fold).
 */
export const CHUNK_LEAVES = 1024;

/** Where a log's hashes can be read. */
export interface StoredHashes {
  /** The leaf hashes of leaves [from, to), in order. */
  leaves(from: number, to: number): Iterable<Uint8Array>;
  /** The subtree hashes of chunks [from, to), in order; chunk i holds leaves [i × chunk, (i + 1) × chunk). */
  chunks(from: number, to: number): Iterable<Uint8Array>;
}

/** MTH of hashes as leaves (RFC 9162 §2.1.1), for any count. */
export function foldHashes(hashes: Iterable<Uint8Array>): Uint8Array {
  const t = CompactTree.empty();
  for (const h of hashes) t.append(h);
  return t.root();
}

/**
 * MTH(D[start:end]) from stored hashes: a perfect subtree of whole chunks from their hashes
 * (in a tree that starts at leaf 0, every perfect subtree starts at a multiple of its size,
 * so one of at least `chunk` leaves is made of whole chunks), anything smaller from its leaves.
 */
export function rangeHash(start: number, end: number, stored: StoredHashes, chunk = CHUNK_LEAVES): Uint8Array {
  const n = end - start;
  if (n >= chunk && (n & (n - 1)) === 0 && start % chunk === 0)
    return foldHashes(stored.chunks(start / chunk, end / chunk));
  if (n <= chunk) return foldHashes(stored.leaves(start, end));
  const k = split(n);
  return nodeHash(rangeHash(start, start + k, stored, chunk), rangeHash(start + k, end, stored, chunk));
}

/** PATH(m, D[0:size]) from stored hashes (its root: rangeHash(0, size, …)). */
export function storedInclusionProof(
  m: number,
  size: number,
  stored: StoredHashes,
  chunk = CHUNK_LEAVES,
): Uint8Array[] {
  return inclusionRanges(m, size).map(([start, end]) => rangeHash(start, end, stored, chunk));
}
