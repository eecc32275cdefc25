import { describe, expect, it } from 'vitest';
import {
  CompactTree,
  EMPTY_ROOT,
  MerkleTree,
  fromHex,
  leafHash,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '@samenhang/merkle';

// RFC 6962 / RFC 9162 reference data (the Certificate Transparency test vectors).
const DATA = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  fromHex,
);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 0, size: 1, proof: [] },
];
const CONSISTENCY = [
  {
    first: 2,
    second: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    first: 2,
    second: 8,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
];

const leaves = DATA.map(leafHash);
const tree = new MerkleTree(leaves);

describe('RFC 9162 / RFC 6962 test vectors', () => {
  it('tree heads for sizes 0..8', () => {
    expect(toHex(EMPTY_ROOT)).toBe(ROOTS[0]);
    for (let n = 0; n <= 8; n++) expect(toHex(tree.root(n)), `size ${n}`).toBe(ROOTS[n]);
  });
  it.each(INCLUSION)('inclusion proof of leaf $index in a tree of $size', ({ index, size, proof }) => {
    expect(tree.inclusionProof(index, size).map(toHex)).toEqual(proof);
    expect(verifyInclusion(index, size, leaves[index]!, proof.map(fromHex), fromHex(ROOTS[size]!))).toBe(true);
  });
  it.each(CONSISTENCY)('consistency proof from $first to $second', ({ first, second, proof }) => {
    expect(tree.consistencyProof(first, second).map(toHex)).toEqual(proof);
    expect(verifyConsistency(first, second, fromHex(ROOTS[first]!), fromHex(ROOTS[second]!), proof.map(fromHex))).toBe(
      true,
    );
  });
  it('the compact tree gives the same heads, and survives a save and load', () => {
    const c = CompactTree.empty();
    for (let n = 0; n < 8; n++) {
      c.append(leaves[n]!);
      expect(toHex(CompactTree.fromState(c.state()).root())).toBe(ROOTS[n + 1]);
    }
  });
});

describe('rejections', () => {
  const root8 = fromHex(ROOTS[8]!);
  const p = INCLUSION[1]!.proof.map(fromHex);
  it.each([
    ['wrong index', () => verifyInclusion(4, 8, leaves[5]!, p, root8)],
    ['wrong leaf', () => verifyInclusion(5, 8, leaves[4]!, p, root8)],
    // (Size 7 would not do: leaf 5's proof has the same shape in trees of 7 and 8; the signed
    // checkpoint binds size and root, so that is no weakness.)
    ['wrong size', () => verifyInclusion(5, 6, leaves[5]!, p, root8)],
    ['index beyond size', () => verifyInclusion(8, 8, leaves[5]!, p, root8)],
    ['truncated proof', () => verifyInclusion(5, 8, leaves[5]!, p.slice(0, 2), root8)],
    ['extended proof', () => verifyInclusion(5, 8, leaves[5]!, [...p, p[0]!], root8)],
    [
      'flipped proof bit',
      () =>
        verifyInclusion(
          5,
          8,
          leaves[5]!,
          [p[0]!, Uint8Array.from(p[1]!, (b, i) => (i === 0 ? b ^ 1 : b)), p[2]!],
          root8,
        ),
    ],
    ['wrong root', () => verifyInclusion(5, 8, leaves[5]!, p, fromHex(ROOTS[7]!))],
    [
      'consistency with swapped roots',
      () => verifyConsistency(2, 8, root8, fromHex(ROOTS[2]!), CONSISTENCY[1]!.proof.map(fromHex)),
    ],
    ['consistency from 0', () => verifyConsistency(0, 8, EMPTY_ROOT, root8, [])],
    ['consistency backwards', () => verifyConsistency(8, 2, root8, fromHex(ROOTS[2]!), [])],
    ['consistency same size, other root', () => verifyConsistency(8, 8, root8, fromHex(ROOTS[7]!), [])],
  ])('%s fails', (_n, check) => expect(check()).toBe(false));
});
