import { describe, expect, it } from 'vitest';
import { rng } from '../../../tests/helpers/rng.js';
import {
  CompactTree,
  MerkleTree,
  equal,
  leafHash,
  foldHashes,
  rangeHash,
  storedInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from '@samenhang/merkle';

const random = rng(20261122);
const all = Array.from({ length: 1000 }, (_, i) => leafHash(Buffer.from(`audit record ${i}`)));
const big = new MerkleTree(all);
// Every size up to 70 (all the small shapes) plus 20 random sizes up to 1,000.
const sizes = [
  ...Array.from({ length: 70 }, (_, i) => i + 1),
  ...Array.from({ length: 20 }, () => 1 + Math.floor(random() * 1000)),
  1000,
];

describe('properties over tree sizes 1..1,000', () => {
  it('a proof made from stored leaf and chunk hashes is the one the whole tree gives', () => {
    for (const chunk of [1, 4, 16]) {
      // The hashes of every aligned run of `chunk` leaves, as a read model stores them.
      const chunks = Array.from({ length: Math.floor(all.length / chunk) }, (_, i) =>
        foldHashes(all.slice(i * chunk, (i + 1) * chunk)),
      );
      let read = 0;
      const stored = {
        leaves: (from: number, to: number) => {
          read += to - from;
          return all.slice(from, to);
        },
        chunks: (from: number, to: number) => {
          read += to - from;
          return chunks.slice(from, to);
        },
      };
      for (const n of sizes) {
        for (const i of new Set([0, n - 1, Math.floor(random() * n)])) {
          read = 0;
          const root = rangeHash(0, n, stored, chunk);
          const proof = storedInclusionProof(i, n, stored, chunk);
          expect(equal(root, big.root(n))).toBe(true);
          expect(proof.map((p) => Buffer.from(p).toString('hex'))).toEqual(
            big.inclusionProof(i, n).map((p) => Buffer.from(p).toString('hex')),
          );
          // With chunks of 16, far fewer hashes are read than the tree has leaves.
          if (chunk === 16 && n === 1000) expect(read).toBeLessThan(400);
        }
      }
    }
  });

  it('every inclusion proof verifies, and fails for any other leaf', () => {
    for (const n of sizes) {
      const root = big.root(n);
      for (let i = 0; i < n; i++) {
        const proof = big.inclusionProof(i, n);
        expect(verifyInclusion(i, n, all[i]!, proof, root), `leaf ${i} of ${n}`).toBe(true);
        if (n > 1) expect(verifyInclusion(i, n, all[(i + 1) % n]!, proof, root)).toBe(false);
      }
    }
  });
  it('every consistency proof verifies, and fails against a different later tree', () => {
    for (const n of sizes) {
      const root = big.root(n);
      // The same size with its last record rewritten: no earlier head is consistent with it.
      const forkedRoot = new MerkleTree([...all.slice(0, n - 1), leafHash(Buffer.from('rewritten'))]).root(n);
      for (let m = 1; m <= n; m++) {
        const proof = big.consistencyProof(m, n);
        expect(verifyConsistency(m, n, big.root(m), root, proof), `${m} → ${n}`).toBe(true);
        if (m < n) expect(verifyConsistency(m, n, big.root(m), forkedRoot, proof), `${m} → forked ${n}`).toBe(false);
      }
    }
  });
  it('the compact tree agrees with the full tree at every size', () => {
    const c = CompactTree.empty();
    for (let n = 1; n <= 1000; n++) {
      c.append(all[n - 1]!);
      if (n % 37 === 0 || n < 70) expect(equal(c.root(), big.root(n)), `size ${n}`).toBe(true);
    }
    expect(equal(CompactTree.fromState(c.state()).root(), big.root())).toBe(true);
  });
});
