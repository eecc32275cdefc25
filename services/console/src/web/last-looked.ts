import { createHash } from 'node:crypto';
import type { KV } from 'nats';

const keyOf = (personId: string) => createHash('sha256').update(personId).digest('hex');

/**
 * When each person last looked at their work list, so the next look can say what is new
 * since. Kept in NATS KV (every console instance, across restarts), by a hash of the
 * person's pseudonymous id; a time and nothing else.
 */
export class LastLooked {
  constructor(private readonly kv: KV) {}

  async get(personId: string): Promise<number | undefined> {
    const e = await this.kv.get(keyOf(personId));
    if (!e || e.operation !== 'PUT') return undefined;
    const at = Number(new TextDecoder().decode(e.value));
    return Number.isFinite(at) ? at : undefined;
  }

  async set(personId: string, at: number): Promise<void> {
    await this.kv.put(keyOf(personId), new TextEncoder().encode(String(at)));
  }
}
