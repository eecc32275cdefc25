import type { ConsentFact } from '@samenhang/decision';
import { JsonKv } from './kv-json.js';

/** Every consent record of a person (by pseudonym), appended with compare-and-set. */
export class ConsentStore {
  constructor(private readonly kv: JsonKv<ConsentFact[]>) {}

  /** `cached`: from memory if known (may miss another instance's newest record). */
  async of(pseudonym: string, o: { cached?: boolean } = {}): Promise<ConsentFact[]> {
    return (await this.kv.get(pseudonym, o))?.value ?? [];
  }

  /** Adds a record once (idempotent by registering agency and consent id). */
  async add(pseudonym: string, fact: ConsentFact): Promise<void> {
    await this.kv.update(pseudonym, (current = []) =>
      current.some((c) => c.consentId === fact.consentId && c.registeredBy === fact.registeredBy) ? undefined : [...current, fact],
    );
  }
}
