import { EMPTY_ROOT, nodeHash, split } from './hash.js';
import { inclusionRanges } from './ranges.js';

/**
 * A Merkle tree over leaf hashes (RFC 9162 §2.1.2) that answers tree heads and
 * proofs for any prefix size. Subtree hashes are memoised, so a proof costs
 * O(log n) once the subtrees it needs were computed.
 */
export class MerkleTree {
  private readonly memo = new Map<string, Uint8Array>();

  constructor(readonly leaves: readonly Uint8Array[]) {}

  get size(): number {
    return this.leaves.length;
  }

  /** MTH(D[start:end]). */
  private mth(start: number, end: number): Uint8Array {
    const n = end - start;
    if (n === 0) return EMPTY_ROOT;
    if (n === 1) return this.leaves[start]!;
    const key = `${start}:${end}`;
    let h = this.memo.get(key);
    if (!h) {
      const k = split(n);
      h = nodeHash(this.mth(start, start + k), this.mth(start + k, end));
      this.memo.set(key, h);
    }
    return h;
  }

  /** The tree head of the first `size` leaves (default: all). */
  root(size = this.size): Uint8Array {
    this.checkSize(size);
    return this.mth(0, size);
  }

  /** PATH(m, D[0:size]) — the inclusion proof of leaf `index` in the tree of `size` leaves. */
  inclusionProof(index: number, size = this.size): Uint8Array[] {
    this.checkSize(size);
    return inclusionRanges(index, size).map(([start, end]) => this.mth(start, end));
  }

  /** PROOF(first, D[0:second]) — that the tree of `first` leaves is a prefix of the tree of `second`. */
  consistencyProof(first: number, second = this.size): Uint8Array[] {
    this.checkSize(second);
    if (!Number.isInteger(first) || first < 1 || first > second)
      throw new RangeError(`no consistency proof from ${first} to ${second}`);
    const sub = (m: number, start: number, end: number, complete: boolean): Uint8Array[] => {
      const n = end - start;
      if (m === n) return complete ? [] : [this.mth(start, end)];
      const k = split(n);
      return m <= k
        ? [...sub(m, start, start + k, complete), this.mth(start + k, end)]
        : [...sub(m - k, start + k, end, false), this.mth(start, start + k)];
    };
    return sub(first, 0, second, true);
  }

  private checkSize(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > this.size)
      throw new RangeError(`tree size ${size} is not in 0..${this.size}`);
  }
}
