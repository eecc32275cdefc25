import { SamenhangError } from '@samenhang/errors';
import { EMPTY_ROOT, fromHex, nodeHash, toHex } from './hash.js';

/**
 * The right edge of a growing log: the roots of the perfect subtrees that make up
 * its size (one per set bit). Appending and the tree head are O(log n), and the
 * state is small enough to persist after every append, so a restarted log service
 * does not recompute the tree from scratch.
 */
export class CompactTree {
  private constructor(
    private size_: number,
    private readonly ranges: Uint8Array[],
  ) {}

  static empty(): CompactTree {
    return new CompactTree(0, []);
  }

  static fromState(state: { size: number; ranges: readonly string[] }): CompactTree {
    const expected = state.size
      .toString(2)
      .split('')
      .filter((b) => b === '1').length;
    if (state.ranges.length !== expected)
      throw new SamenhangError('ERR_AUDIT_STATE', 'compact tree state is inconsistent with its size');
    return new CompactTree(state.size, state.ranges.map(fromHex));
  }

  get size(): number {
    return this.size_;
  }

  append(leaf: Uint8Array): void {
    let h = leaf;
    // Merge equal-sized perfect subtrees, as a binary counter carries.
    for (let n = this.size_; (n & 1) === 1; n >>= 1) h = nodeHash(this.ranges.pop()!, h);
    this.ranges.push(h);
    this.size_++;
  }

  root(): Uint8Array {
    if (this.ranges.length === 0) return EMPTY_ROOT;
    let h = this.ranges[this.ranges.length - 1]!;
    for (let i = this.ranges.length - 2; i >= 0; i--) h = nodeHash(this.ranges[i]!, h);
    return h;
  }

  state(): { size: number; ranges: string[] } {
    return { size: this.size_, ranges: this.ranges.map(toHex) };
  }
}
