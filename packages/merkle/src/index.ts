export { EMPTY_ROOT, equal, fromHex, leafHash, nodeHash, toHex } from './hash.js';
export { MerkleTree } from './tree.js';
export { verifyConsistency, verifyInclusion } from './verify.js';
export { CompactTree } from './compact.js';
export { inclusionRanges } from './ranges.js';
export { CHUNK_LEAVES, foldHashes, rangeHash, storedInclusionProof } from './chunked.js';
export type { StoredHashes } from './chunked.js';
