import type { SealedKv } from './sealed-kv.js';

/** A family system's owner at its RVT, and its local-team contact (the "vaste duo"). */
export interface Assignment {
  readonly systemId: string;
  /** The worker (a person's pseudonymous id) and their name as the staff list had it. */
  readonly worker: string;
  readonly workerName: string;
  readonly localTeam?: { readonly name: string; readonly phone: string };
  readonly by: string;
  readonly at: string;
}

/**
 * Who works on which family, per region: kept in NATS KV (every console instance, across
 * restarts), sealed because it names people. The audit record of each assignment is
 * written first (staff/assign.ts); this is what the work list shows.
 */
export class Assignments {
  constructor(private readonly store: SealedKv<Assignment>) {}

  async set(region: string, a: Assignment): Promise<void> {
    await this.store.put(`${region}.${a.systemId}`, a);
  }

  /** The assignments of the given systems of a region. */
  async of(region: string, systemIds: readonly string[]): Promise<Map<string, Assignment>> {
    const found = await Promise.all(systemIds.map((id) => this.store.get(`${region}.${id}`)));
    return new Map(found.filter((a): a is Assignment => a !== undefined).map((a) => [a.systemId, a]));
  }
}
