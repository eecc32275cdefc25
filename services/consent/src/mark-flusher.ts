import type { Logger } from '@samenhang/logging';
import { withRetries, type FamilySystems } from './family/systems.js';
import { Conflict } from './kv-json.js';

/**
 * Stores the remembered "published" marks that no picture write carried: those made at
 * or before `before`, and the oldest beyond `keep` systems. Several pictures at a time:
 * one after the other, the flusher stored fewer marks per second than alerts made when
 * nearly every alert needs it (1,000,000 signals over 200,000 systems), and the marks
 * waiting grew until the heap ran out. Returns how many systems it stored.
 */
export async function flushMarks(systems: FamilySystems, before = Infinity, keep = Infinity, parallel = 16): Promise<number> {
  const due = systems.marks.systems(before, keep);
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const systemId = due[next++]!;
      try {
        const stored = await withRetries(() => systems.change(systemId, (p) => (systems.marks.apply(p) === p ? undefined : p)));
        systems.marks.settle(stored); // also when the picture already carried them (nothing written)
      } catch (e) {
        if (e instanceof Conflict) systems.marks.forget(systemId); // merged away: the target system has its own alerts
        else throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, due.length) }, worker));
  return due.length;
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
 * Every `intervalMs`, takes in what stopped instances left in the journal (`adopt`, due
 * at once) and stores the marks older than `ageMs` or beyond `keep` systems; returns a
 * function that stops it. The first round runs at once. The caller journals what is left
 * on shutdown.
 */
export function startMarkFlusher(t: FlushTiming, systems: FamilySystems, log: Logger, adopt: () => Promise<number> = async () => 0): () => void {
  let running = false;
  const round = () => {
    if (running) return;
    running = true;
    const started = Date.now();
    adopt()
      .then(async (adopted) => {
        const stored = await flushMarks(systems, started - t.ageMs, t.keep);
        if (stored > 0) log.info({ stored, adopted, waiting: systems.marks.size, dropped: systems.marks.dropped, ms: Date.now() - started }, 'published marks stored');
      })
      .catch((e: unknown) => log.warn({ err: e }, 'storing published marks failed; will try again'))
      .finally(() => (running = false));
  };
  const timer = setInterval(round, t.intervalMs);
  round(); // at once: marks adopted at start-up are stored before another instance needs them
  return () => clearInterval(timer);
}
