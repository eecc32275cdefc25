import type { Picture } from './family/picture.js';

/** One system's unstored marks: the highest version sent per region, and when the oldest was made. */
interface SystemMarks {
  readonly since: number;
  readonly versions: Record<string, number>;
}

/**
 * Alert versions this process has sent whose "published" mark is not yet stored in
 * the picture. Storing each mark at once cost one picture write per alert; instead the
 * next write of the picture carries it, and a flusher (and shutdown) stores the rest.
 *
 * A mark lost in a crash only means the version may be sent again: with the same
 * message ids, so the ALERTS and AUDIT streams' one-hour duplicate windows drop it.
 *
 * Kept as one small object per system: when signals of a system arrive minutes apart,
 * tens of thousands of systems wait for the flusher (a Map per system plus a second
 * Map of times took ~600 bytes each: 24 MB of heap at 40,000 systems).
 */
export class PublishedMarks {
  private readonly marks = new Map<string, SystemMarks>();
  /** Marks given up because more than `max` systems waited (see `add`). */
  dropped = 0;

  /**
   * `max`: systems whose marks may wait at most. Beyond it the oldest are given up — as a
   * crash would lose them — rather than the heap running out when the flusher falls behind.
   */
  constructor(private readonly max = 50_000) {}

  add(systemId: string, region: string, version: number, now = Date.now()): void {
    const m = this.marks.get(systemId) ?? { since: now, versions: {} };
    if ((m.versions[region] ?? 0) < version) m.versions[region] = version;
    this.marks.set(systemId, m);
    if (this.marks.size > this.max) {
      // A Map iterates in insertion order: the first key is the system waiting longest.
      this.marks.delete(this.marks.keys().next().value!);
      this.dropped++;
    }
  }

  /** True when this process sent `version` (or a newer one) of the system's alert to the region. */
  sent(systemId: string, region: string, version: number): boolean {
    return (this.marks.get(systemId)?.versions[region] ?? 0) >= version;
  }

  /** The picture with every remembered mark that raises its `published`; the same object if none does. */
  apply(p: Picture): Picture {
    const m = this.marks.get(p.systemId);
    if (!m) return p;
    let alerts: Picture['alerts'] | undefined;
    for (const [region, version] of Object.entries(m.versions)) {
      const cur = (alerts ?? p.alerts)[region];
      if (cur && cur.published < Math.min(version, cur.version)) alerts = { ...(alerts ?? p.alerts), [region]: { ...cur, published: Math.min(version, cur.version) } };
    }
    return alerts ? { ...p, alerts } : p;
  }

  /** After `p` was stored: forgets the marks it carries (and all of a system merged away). */
  settle(p: Picture): void {
    const m = this.marks.get(p.systemId);
    if (!m) return;
    let left = 0;
    for (const [region, version] of Object.entries(m.versions)) {
      if (p.mergedInto || (p.alerts[region]?.published ?? 0) >= version) delete m.versions[region];
      else left++;
    }
    if (left === 0) this.forget(p.systemId);
  }

  /** Systems with marks waiting. */
  get size(): number {
    return this.marks.size;
  }

  /** Every system's unstored marks (for the journal written at shutdown). */
  *waiting(): IterableIterator<[string, Readonly<Record<string, number>>]> {
    for (const [id, m] of this.marks) yield [id, m.versions];
  }

  forget(systemId: string): void {
    this.marks.delete(systemId);
  }

  /**
   * Systems with a mark made at or before `before` (all of them by default), and beyond
   * the `keep` systems with the newest marks, the older ones too (memory stays bounded).
   */
  systems(before = Infinity, keep = Infinity): string[] {
    const out: string[] = [];
    let over = this.marks.size - keep; // the first in insertion order are the oldest
    for (const [id, m] of this.marks) if (over-- > 0 || m.since <= before) out.push(id);
    return out;
  }
}
