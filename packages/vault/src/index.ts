export { cacheReads, vaultFreshness } from './cached-store.js';
export type { Freshness } from './cached-store.js';
export { open, seal } from './seal.js';
export { MemoryVaultStore } from './store.js';
export type { VaultStore } from './store.js';
export { Vault } from './vault.js';
export type { PersonRecord, SignalContent } from './vault.js';
