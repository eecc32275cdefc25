export { Lru } from './lru.js';
