import { createHmac } from 'node:crypto';
import type { KV } from 'nats';
import { open, seal } from '@samenhang/vault';

/**
 * JSON values in a NATS KV bucket, sealed (AES-256-GCM) under a console key and bound to
 * their bucket and key: what the console keeps about people — staff names, a local-team
 * contact — lies nowhere in the clear, and a value copied to another key does not open.
 */
export class SealedKv<T> {
  constructor(
    private readonly kv: KV,
    private readonly bucket: string,
    private readonly key: Buffer,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const e = await this.kv.get(key);
    if (!e || e.operation !== 'PUT') return undefined;
    return JSON.parse(Buffer.from(open(this.key, `${this.bucket}\n${key}`, e.value)).toString('utf8')) as T;
  }

  async put(key: string, value: T): Promise<void> {
    await this.kv.put(key, seal(this.key, `${this.bucket}\n${key}`, Buffer.from(JSON.stringify(value), 'utf8')));
  }

  /** The values under keys that start with `prefix.` (a NATS subject filter). */
  async under(prefix: string): Promise<T[]> {
    const out: T[] = [];
    for await (const k of await this.kv.keys(`${prefix}.>`)) {
      const v = await this.get(k);
      if (v !== undefined) out.push(v);
    }
    return out;
  }
}

/** The key the console seals its own records with: derived from the broker's vault key, for this use only. */
export const consoleStoreKey = (vaultKek: Buffer): Buffer =>
  createHmac('sha256', vaultKek).update('samenhang console store').digest();
