import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const valve = fileURLToPath(new URL('../dist/memory-valve.js', import.meta.url));

/**
 * A real heap in a child process (its own limit, real full collections): a memory of
 * `fillMiB` in 1 KiB strings, the valve watching with `share`, then a full collection.
 */
function run(fillMiB: number, share: number): { shed: number; kept: number; usedAfterMiB: number; logged: string[] } {
  const script = `
    const { startMemoryValve } = await import(${JSON.stringify(valve)});
    const { randomBytes } = await import('node:crypto');
    let memory = [];
    let shed = 0;
    const logged = [];
    startMemoryValve(() => { shed++; const n = memory.length; memory = memory.slice(n >> 1); return { memory: n - memory.length }; },
      { warn: (o, msg) => logged.push(msg) }, { share: ${share}, quietMs: 60_000 }); // once: until the next collection what was given up still counts
    for (let i = 0; i < ${fillMiB} * 1024; i++) memory.push(randomBytes(512).toString('hex')); // flat, not sharing a filler
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 200)); // GC entries reach observers a little later
    globalThis.gc();
    const usedAfterMiB = Math.round(process.memoryUsage().heapUsed / 1048576);
    console.log(JSON.stringify({ shed, kept: memory.length, usedAfterMiB, logged }));
  `;
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=96', '--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as ReturnType<typeof run>;
}

describe('memory valve', () => {
  it('makes the memories give up their older half when a full collection leaves the heap near its limit', () => {
    // Limit ~144 MiB (96 old + young): 60 MiB remembered is beyond 0.3 of it (~43 MiB).
    const r = run(60, 0.3);
    expect(r.shed).toBe(1);
    expect(r.kept).toBe(60 * 1024 - ((60 * 1024) >> 1));
    expect(r.usedAfterMiB).toBeLessThan(43);
    expect(r.logged).toEqual(['heap close to its limit: memories gave up their older half']);
  });

  it('leaves them alone while the heap has room', () => {
    const r = run(20, 0.3);
    expect(r.shed).toBe(0);
    expect(r.kept).toBe(20 * 1024);
    expect(r.logged).toEqual([]);
  });
});
