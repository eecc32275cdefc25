import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/** The part of a pino logger this module uses. */
interface Logger {
  warn(obj: object, msg: string): void;
}

export interface ValveOptions {
  /** Share of the heap's limit still in use after a full collection beyond which memories give up (default 0.6). */
  readonly share?: number;
  /** At most one shedding per this many ms: what was given up must first be missed (default 10,000). */
  readonly quietMs?: number;
}

/**
 * Lets the service's memories (remembered reads: caches, never state) give up their older
 * half when a full garbage collection leaves the heap close to its limit. Each is bounded,
 * but at 1,000,000 signals over 200,000 systems all are full at once, and the consent service
 * ran out of heap (docs/history/performance-rounds.md): a memory forgotten costs reads, a heap run
 * out costs the process.
 * Returns a function that stops watching.
 */
export function startMemoryValve(shed: () => Record<string, number>, log: Logger, o: ValveOptions = {}): () => void {
  const share = o.share ?? 0.6;
  const quietMs = o.quietMs ?? 10_000;
  let last = -Infinity;
  const observer = new PerformanceObserver((list) => {
    const major = list
      .getEntries()
      .some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (!major || Date.now() - last < quietMs) return;
    const h = getHeapStatistics();
    if (h.used_heap_size <= share * h.heap_size_limit) return;
    last = Date.now();
    const forgotten = shed();
    log.warn(
      { usedMiB: Math.round(h.used_heap_size / 1048576), limitMiB: Math.round(h.heap_size_limit / 1048576), forgotten },
      'heap close to its limit: memories gave up their older half',
    );
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}
