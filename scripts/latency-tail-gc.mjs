// Profiling aid, not part of the product: `node scripts/latency-tail-gc.mjs <rows> <gc dir>`.
// <rows>: STAGES_OUT of scripts/latency-stages.mjs; <gc dir>: GC_DIR of scripts/gc-pauses.cjs,
// both from one run. Says how much of the slowest 2 % of ingress-to-alert times each process
// spent collecting garbage, against those up to the median. docs/history/performance-rounds.md.
import { readdirSync, readFileSync } from 'node:fs';

const [rowsFile, gcDir] = process.argv.slice(2);
// sent, ingress stored, SIGNALS stored, ALERTS stored, received (ms since the epoch)
const rows = readFileSync(rowsFile, 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(' ').map(Number));
const gcs = new Map();
for (const f of readdirSync(gcDir)) {
  const lines = readFileSync(`${gcDir}/${f}`, 'utf8').trim().split('\n').filter(Boolean);
  gcs.set(
    f.replace(/-\d+\.jsonl$/, ''),
    lines.map((l) => JSON.parse(l)),
  );
}
const total = (r) => r[4] - r[0];
const sorted = rows.map(total).sort((a, b) => a - b);
const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
console.log(
  `${rows.length} signals, end to end p50 ${at(0.5)} / p90 ${at(0.9)} / p99 ${at(0.99)} / max ${sorted.at(-1)} ms`,
);
const within = (r, name) => (gcs.get(name) ?? []).filter((g) => g.t + g.d > r[0] && g.t < r[4]);
const groups = [
  ['slowest 2 %', rows.filter((r) => total(r) >= at(0.98))],
  ['up to the median', rows.filter((r) => total(r) <= at(0.5))],
];
for (const [label, group] of groups) {
  console.log(
    `${label} (${group.length}): per process, mean ms of GC within a signal's time, and signals with a major GC within`,
  );
  for (const name of gcs.keys()) {
    const ms = group.reduce((s, r) => s + within(r, name).reduce((x, g) => x + g.d, 0), 0) / group.length;
    const major = group.filter((r) => within(r, name).some((g) => g.k === 4)).length;
    console.log(`  ${name.padEnd(16)} ${ms.toFixed(2).padStart(6)} ms  ${major} with a major GC`);
  }
}
for (const [name, list] of gcs) {
  const d = list.map((g) => g.d).sort((a, b) => a - b);
  const majors = list.filter((g) => g.k === 4).map((g) => g.d);
  console.log(
    `${name}: ${list.length} collections, p99 ${d[Math.floor(d.length * 0.99)]?.toFixed(1)} ms, ${majors.length} major (longest ${Math.max(0, ...majors).toFixed(1)} ms)`,
  );
}
