export { cacheReads, vaultFreshness } from './cached-store.js';
export type { CachedReads, Freshness } from './cached-store.js';
export { open, seal } from './seal.js';
export { MemoryVaultStore } from './store.js';
export type { VaultStore } from './store.js';
export { Vault } from './vault.js';
export type { PersonRecord, SignalContent, VaultMemory } from './vault.js';
