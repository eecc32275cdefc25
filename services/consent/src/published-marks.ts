import type { Picture } from './family/picture.js';

/**
 * Alert versions this process has sent whose "published" mark is not yet stored in
 * the picture. Storing each mark at once cost one picture write per alert; instead the
 * next write of the picture carries it, and a flusher (and shutdown) stores the rest.
 *
 * A mark lost in a crash only means the version may be sent again: with the same
 * message ids, so the ALERTS and AUDIT streams' one-hour duplicate windows drop it.
 */
export class PublishedMarks {
  private readonly marks = new Map<string, Map<string, number>>();
  /** When each system's oldest unstored mark was made. */
  private readonly since = new Map<string, number>();

  add(systemId: string, region: string, version: number, now = Date.now()): void {
    const m = this.marks.get(systemId) ?? new Map<string, number>();
    if ((m.get(region) ?? 0) < version) m.set(region, version);
    this.marks.set(systemId, m);
    if (!this.since.has(systemId)) this.since.set(systemId, now);
  }

  /** True when this process sent `version` (or a newer one) of the system's alert to the region. */
  sent(systemId: string, region: string, version: number): boolean {
    return (this.marks.get(systemId)?.get(region) ?? 0) >= version;
  }

  /** The picture with every remembered mark that raises its `published`; the same object if none does. */
  apply(p: Picture): Picture {
    const m = this.marks.get(p.systemId);
    if (!m) return p;
    let alerts: Picture['alerts'] | undefined;
    for (const [region, version] of m) {
      const cur = (alerts ?? p.alerts)[region];
      if (cur && cur.published < Math.min(version, cur.version)) alerts = { ...(alerts ?? p.alerts), [region]: { ...cur, published: Math.min(version, cur.version) } };
    }
    return alerts ? { ...p, alerts } : p;
  }

  /** After `p` was stored: forgets the marks it carries (and all of a system merged away). */
  settle(p: Picture): void {
    const m = this.marks.get(p.systemId);
    if (!m) return;
    for (const [region, version] of m) if (p.mergedInto || (p.alerts[region]?.published ?? 0) >= version) m.delete(region);
    if (m.size === 0) this.forget(p.systemId);
  }

  forget(systemId: string): void {
    this.marks.delete(systemId);
    this.since.delete(systemId);
  }

  /** Systems with a mark made at or before `before` (all of them by default). */
  systems(before = Infinity): string[] {
    return [...this.since].filter(([, at]) => at <= before).map(([id]) => id);
  }
}
