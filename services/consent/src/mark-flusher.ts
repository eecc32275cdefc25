import type { Logger } from '@samenhang/logging';
import { withRetries, type FamilySystems } from './family/systems.js';
import { Conflict } from './kv-json.js';

/** Stores the remembered "published" marks (made at or before `before`) that no picture write carried. */
export async function flushMarks(systems: FamilySystems, before = Infinity): Promise<void> {
  for (const systemId of systems.marks.systems(before)) {
    try {
      const stored = await withRetries(() => systems.change(systemId, (p) => (systems.marks.apply(p) === p ? undefined : p)));
      systems.marks.settle(stored); // also when the picture already carried them (nothing written)
    } catch (e) {
      if (e instanceof Conflict) systems.marks.forget(systemId); // merged away: the target system has its own alerts
      else throw e;
    }
  }
}

/**
 * Every `intervalMs`, stores the marks older than `intervalMs` (younger ones may still
 * ride on a picture's next write); returns a function that stops it. The caller
 * flushes everything once more on shutdown.
 */
export function startMarkFlusher(intervalMs: number, systems: FamilySystems, log: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    flushMarks(systems, Date.now() - intervalMs)
      .catch((e: unknown) => log.warn({ err: e }, 'storing published marks failed; will try again'))
      .finally(() => (running = false));
  }, intervalMs);
  return () => clearInterval(timer);
}
