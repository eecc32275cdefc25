import type { Logger } from '@samenhang/logging';
import type { MarksAside } from './marks-aside.js';
import type { PublishedMarks } from './published-marks.js';

/**
 * Sets aside the remembered "published" marks that no picture write carried: those made
 * at or before `before`, and the oldest beyond `keep` systems, each as a small key of its
 * own (MarksAside) instead of a read and rewrite of its picture. Several systems at a
 * time: one after the other, the flusher kept up with fewer marks per second than alerts
 * made when nearly every alert needs it (1,000,000 signals over 200,000 systems), and the
 * marks waiting grew until the heap ran out. Returns how many systems it set aside.
 */
export async function flushMarks(marks: PublishedMarks, aside: MarksAside, before = Infinity, keep = Infinity, parallel = 16): Promise<number> {
  const due = marks.systems(before, keep);
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const systemId = due[next++]!;
      const versions = marks.versionsOf(systemId);
      if (!versions) continue; // a picture write carried them meanwhile
      await aside.store(systemId, versions);
      marks.setAside(systemId, versions);
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
  /** Systems whose marks may wait at most; beyond, the oldest are set aside. */
  readonly keep: number;
}

/**
 * Every `intervalMs`, takes in what stopped instances left in the journal (`adopt`, due
 * at once) and sets aside the marks older than `ageMs` or beyond `keep` systems; returns a
 * function that stops it. The first round runs at once. The caller journals what is left
 * on shutdown.
 */
export function startMarkFlusher(t: FlushTiming, marks: PublishedMarks, aside: MarksAside, log: Logger, adopt: () => Promise<number> = async () => 0): () => void {
  let running = false;
  const round = () => {
    if (running) return;
    running = true;
    const started = Date.now();
    adopt()
      .then(async (adopted) => {
        const setAside = await flushMarks(marks, aside, started - t.ageMs, t.keep);
        if (setAside > 0) log.info({ setAside, adopted, waiting: marks.size, dropped: marks.dropped, ms: Date.now() - started }, 'published marks set aside');
      })
      .catch((e: unknown) => log.warn({ err: e }, 'setting published marks aside failed; will try again'))
      .finally(() => (running = false));
  };
  const timer = setInterval(round, t.intervalMs);
  round(); // at once: marks adopted at start-up are set aside before another instance needs them
  return () => clearInterval(timer);
}
