import { CompactTree } from './compact.js';
import { inclusionRanges } from './ranges.js';

/**
 * The tree head of `size` leaves and the inclusion proof of leaf `m`, from the leaf hashes
 * read once in order (a log too large to hold: memory is O(log size)). Each subtree of the
 * proof is a run of consecutive leaves, folded as it streams past.
 */
export function streamInclusion(
  m: number,
  size: number,
  leaves: Iterable<Uint8Array>,
): { root: Uint8Array; proof: Uint8Array[] } {
  const ranges = inclusionRanges(m, size);
  const parts = ranges.map(() => CompactTree.empty());
  const byStart = [...ranges.keys()].sort((a, b) => ranges[a]![0] - ranges[b]![0]);
  const all = CompactTree.empty();
  let k = 0;
  let i = 0;
  for (const leaf of leaves) {
    if (i >= size) break;
    all.append(leaf);
    while (k < byStart.length && i >= ranges[byStart[k]!]![1]) k++;
    const r = byStart[k];
    if (r !== undefined && i >= ranges[r]![0]) parts[r]!.append(leaf);
    i++;
  }
  if (i < size) throw new RangeError(`only ${i} leaves for a tree of ${size}`);
  return { root: all.root(), proof: parts.map((p) => p.root()) };
}
