export { canonicalJson, canonicalSha256, inCanonicalOrder, sha256Hex } from './canonical-json.js';
