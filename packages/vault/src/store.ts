/** Where the vault keeps bytes (JetStream KV in the broker, a Map in unit tests). */
export interface VaultStore {
  get(key: string): Promise<Uint8Array | undefined>;
  /**
   * Optional: true when the key is known never to have been written, so a create need not
   * read first. May be stale (another writer's create not yet seen): the create then fails.
   */
  absent?(key: string): boolean;
  /** Stores the value; resolves to its revision where the store numbers them (JetStream KV). */
  put(key: string, value: Uint8Array): Promise<number | void>;
  /** Stores only if absent; false when the key already exists. */
  create(key: string, value: Uint8Array): Promise<boolean>;
  /** Removes the value and its history. */
  purge(key: string): Promise<void>;
  /**
   * Removes the value and its history with its stored bytes overwritten (JetStream's secure
   * delete), not only marked deleted in the stream's files until they are compacted. Stores
   * without such a thing purge.
   */
  erase?(key: string): Promise<void>;
}

export class MemoryVaultStore implements VaultStore {
  readonly data = new Map<string, Uint8Array>();
  /** Revisions, numbered across keys as in a JetStream stream. */
  private revision = 0;
  async get(key: string) {
    return this.data.get(key);
  }
  async put(key: string, value: Uint8Array): Promise<number> {
    this.data.set(key, value);
    return ++this.revision;
  }
  async create(key: string, value: Uint8Array) {
    if (this.data.has(key)) return false;
    this.data.set(key, value);
    return true;
  }
  async purge(key: string) {
    this.data.delete(key);
  }
}
