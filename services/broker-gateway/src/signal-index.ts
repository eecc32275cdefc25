import type { KV } from 'nats';
import { SamenhangError } from '@samenhang/errors';

/**
 * The gateway's memory of which signals it accepted, one KV entry per agency and
 * signal id, written once. The entry remembers the ingress message that claimed it,
 * so a redelivery of that message resumes its work instead of looking like a
 * duplicate. Whether that work finished needs no second write: INGRESS is a work
 * queue and its message is acknowledged only after the signal was published
 * (`published.ts`).
 */
export interface IndexEntry {
  readonly signalId: string;
  readonly ingressSeq: number;
  readonly envelopeSha256: string;
  /** The signal's subject (pseudonym): a withdrawal of it is routed by this. Absent in older entries. */
  readonly subjectPseudonym?: string;
  /** Written by older versions, which marked a finished claim with a second write. */
  readonly state?: 'claimed' | 'published';
}

export type Claim = { readonly kind: 'new' | 'resumed'; readonly entry: IndexEntry } | { readonly kind: 'duplicate' };

const enc = (e: IndexEntry) => new TextEncoder().encode(JSON.stringify(e));
const dec = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as IndexEntry;

export class SignalIndex {
  constructor(private readonly kv: KV) {}

  async claim(key: string, entry: IndexEntry): Promise<Claim> {
    try {
      await this.kv.create(key, enc(entry));
      return { kind: 'new', entry };
    } catch (e) {
      if (!/wrong last sequence|key exists/i.test((e as Error).message)) throw e;
    }
    const current = await this.kv.get(key);
    if (current?.operation !== 'PUT')
      // Ours, not the envelope's: retried like any unexpected failure (failure-policy.ts).
      throw new SamenhangError('ERR_INTERNAL', 'signal index entry vanished during claim');
    const existing = dec(current.value);
    if (existing.ingressSeq === entry.ingressSeq) return { kind: 'resumed', entry: existing };
    return { kind: 'duplicate' };
  }

  /** The entry of an accepted (or being accepted) signal, if any. */
  async lookup(key: string): Promise<IndexEntry | undefined> {
    const e = await this.kv.get(key);
    return e !== null && e.operation === 'PUT' ? dec(e.value) : undefined;
  }
}
