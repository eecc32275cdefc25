export { canonicalJson, canonicalSha256, sha256Hex } from './canonical-json.js';
