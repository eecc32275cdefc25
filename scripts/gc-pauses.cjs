// Profiling aid, not part of the product: preload with `node -r ./scripts/gc-pauses.cjs …`
// (the services inherit the flag from the bench or scripts/latency-stages.mjs). Every process
// appends each garbage collection — start (ms since the epoch), duration (ms), kind (1 minor,
// 4 major, 8 incremental marking, 16 weak callbacks), heap in use after it (MiB) — as a JSON line to
// $GC_DIR (default /tmp/samenhang-gc)/<service>-<pid>.jsonl. docs/history/performance-rounds.md.
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const { PerformanceObserver, performance } = require('node:perf_hooks');

const dir = process.env.GC_DIR ?? '/tmp/samenhang-gc';
fs.mkdirSync(dir, { recursive: true });
// services/<name>/dist/main.js → <name>; anything else by its script's name.
const script = process.argv[1] ?? 'node';
const name = /\/services\/([^/]+)\//.exec(script)?.[1] ?? path.basename(script).replace(/\.[cm]?js$/, '');
const file = path.join(dir, `${name}-${process.pid}.jsonl`);
let lines = '';
new PerformanceObserver((list) => {
  // h: heap in use (MiB) when the observer runs, just after the collection(s) listed.
  const h = Math.round(v8.getHeapStatistics().used_heap_size / 1048576);
  for (const e of list.getEntries())
    lines += `${JSON.stringify({ t: performance.timeOrigin + e.startTime, d: e.duration, k: e.detail?.kind, h })}\n`;
}).observe({ entryTypes: ['gc'] });
const flush = () => {
  if (!lines) return;
  try {
    fs.appendFileSync(file, lines);
  } catch {
    // a profiling aid never takes the process down
  }
  lines = '';
};
setInterval(flush, 1000).unref();
process.on('exit', flush);
