import type { KV } from 'nats';

/** A byte store over a JetStream KV bucket (shape of @samenhang/vault's VaultStore). */
export function kvByteStore(kv: KV) {
  return {
    async get(key: string): Promise<Uint8Array | undefined> {
      const e = await kv.get(key);
      return e && e.operation === 'PUT' ? e.value : undefined;
    },
    async put(key: string, value: Uint8Array): Promise<void> {
      await kv.put(key, value);
    },
    async create(key: string, value: Uint8Array): Promise<boolean> {
      try {
        await kv.create(key, value);
        return true;
      } catch (e) {
        if (/wrong last sequence|key exists/i.test((e as Error).message)) return false;
        throw e;
      }
    },
    async purge(key: string): Promise<void> {
      await kv.purge(key);
    },
  };
}
