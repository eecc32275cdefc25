import type { KnownKeys } from '@samenhang/nats';

/** A watch that has not delivered any other instance's write yet; it learns only from this instance's own writes. */
export class Lagging implements KnownKeys {
  private readonly seen = new Set<string>();
  absentUpTo(key: string): number | undefined {
    return this.seen.has(key) ? undefined : 0;
  }
  saw(key: string): void {
    this.seen.add(key);
  }
}
