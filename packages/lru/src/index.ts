export { Lru } from './lru.js';
export type { LruOptions } from './lru.js';
