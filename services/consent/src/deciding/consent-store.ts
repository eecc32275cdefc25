import type { ConsentFact } from '@samenhang/decision';
import type { JsonKv } from '../family/kv-json.js';
import type { StreamPosition } from '../stream-position.js';

/** A person's consent records as read, and the consents stream position they are complete up to. */
export interface ConsentRead {
  readonly facts: ConsentFact[];
  readonly at: number;
}

/** Every consent record of a person (by pseudonym), appended with compare-and-set. */
export class ConsentStore {
  /**
   * `position`: the consents bucket's stream position, the one `kv` was given as well.
   * `kv` may know who has any record (KeyWatch): a cached read of anyone else needs no request.
   */
  constructor(
    private readonly kv: JsonKv<ConsentFact[]>,
    private readonly position?: StreamPosition,
  ) {}

  /** `cached`: from memory if known (may miss another instance's newest record). */
  async of(pseudonym: string, o: { cached?: boolean } = {}): Promise<ConsentFact[]> {
    return (await this.read(pseudonym, o)).facts;
  }

  async read(pseudonym: string, o: { cached?: boolean } = {}): Promise<ConsentRead> {
    const { found, at } = await this.kv.getAt(pseudonym, o);
    return { facts: found?.value ?? [], at };
  }

  /**
   * Whether `r` still holds: no record of this person stored since, up to a moment after
   * this call. When no consent at all was stored since `r` (the stream has not moved past
   * its position) that needs no read of the person's key; otherwise the key is read again.
   */
  async unchanged(pseudonym: string, r: ConsentRead): Promise<boolean> {
    if (this.position && (await this.position.fresh()) <= r.at) return true;
    return (await this.of(pseudonym)).length === r.facts.length;
  }

  /** Adds a record once (idempotent by registering agency and consent id). */
  async add(pseudonym: string, fact: ConsentFact): Promise<void> {
    await this.kv.update(pseudonym, (current = []) =>
      current.some((c) => c.consentId === fact.consentId && c.registeredBy === fact.registeredBy)
        ? undefined
        : [...current, fact],
    );
  }
}
