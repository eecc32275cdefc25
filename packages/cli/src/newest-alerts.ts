import type { v1 } from '@samenhang/proto';

/**
 * Versions of one system's alerts only increase. With several consent instances two
 * versions can reach the stream out of order; an RVT keeps the newest it has seen,
 * so an older picture never replaces a newer one on screen.
 */
export class NewestAlerts {
  private readonly seen = new Map<string, number>();

  /** True when `a` is newer than anything seen for its system and region (and remembers it). */
  accept(a: Pick<v1.HouseholdAlert, 'systemId' | 'region' | 'version'>): boolean {
    const key = `${a.systemId}/${a.region}`;
    if ((this.seen.get(key) ?? 0) >= a.version) return false;
    this.seen.set(key, a.version);
    return true;
  }
}
