import type { Logger } from '@samenhang/logging';
import { withRetries, type FamilySystems } from './family/systems.js';
import { Conflict } from './kv-json.js';

/**
 * Stores the remembered "published" marks that no picture write carried: those made at
 * or before `before`, and the oldest beyond `keep` systems.
 */
export async function flushMarks(systems: FamilySystems, before = Infinity, keep = Infinity): Promise<void> {
  for (const systemId of systems.marks.systems(before, keep)) {
    try {
      const stored = await withRetries(() => systems.change(systemId, (p) => (systems.marks.apply(p) === p ? undefined : p)));
      systems.marks.settle(stored); // also when the picture already carried them (nothing written)
    } catch (e) {
      if (e instanceof Conflict) systems.marks.forget(systemId); // merged away: the target system has its own alerts
      else throw e;
    }
  }
}

export interface FlushTiming {
  /** How often to look. */
  readonly intervalMs: number;
  /** Marks younger than this may still ride on their picture's next write. */
  readonly ageMs: number;
  /** Systems whose marks may wait at most; beyond, the oldest are stored. */
  readonly keep: number;
}

/**
 * Every `intervalMs`, stores the marks older than `ageMs` or beyond `keep` systems;
 * returns a function that stops it. The caller flushes everything once more on shutdown.
 */
export function startMarkFlusher(t: FlushTiming, systems: FamilySystems, log: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    flushMarks(systems, Date.now() - t.ageMs, t.keep)
      .catch((e: unknown) => log.warn({ err: e }, 'storing published marks failed; will try again'))
      .finally(() => (running = false));
  }, t.intervalMs);
  return () => clearInterval(timer);
}
