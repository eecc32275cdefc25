import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const dir = mkdtempSync(join(tmpdir(), 'samenhang-bench-test-'));

// The bench reports and never asserts on timing; this checks that every stage ran over
// what it was asked to, on its own real stack, and that the report says so.
describe('samenhang bench (a small run)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures every stage over the requested load and writes the JSON report', async () => {
    const out = join(dir, 'bench.json');
    const args = ['bench', '--signals', '400', '--systems', '40', '--rate', '50', '--latency-signals', '20', '--replay', '2000', '--out', out];
    const { stdout } = await promisify(execFile)('node', [BIN, ...args], { timeout: 170_000 });
    expect(stdout).toContain('full pipeline');
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.options).toMatchObject({ signals: 400, systems: 40, rate: 50, latencySignals: 20, latencyWarmup: 20, replay: 2000, cluster: 1 });
    expect(r.pipeline.signals).toBe(400);
    expect(r.pipeline.signalsPerSecond).toBeGreaterThan(0);
    expect(r.baseline.messages).toBe(400);
    expect(r.ratio).toBeCloseTo(r.pipeline.signalsPerSecond / r.baseline.perSecond, 1);
    expect(r.latency).toMatchObject({ rate: 50, signals: 20, received: 20, warmup: 20 }); // the warm-up's alerts are not measured
    expect(r.latency.p50).toBeLessThanOrEqual(r.latency.p99);
    // The verification stage (in its worker thread) verified every envelope it was given.
    expect(r.verification.envelopes).toBe(400);
    expect(r.verification.stagePerSecond).toBeGreaterThan(0);
    expect(r.replay.decisions).toBe(2000);
    for (const p of ['broker-gateway', 'consent', 'audit', 'nats-server']) expect(r.peakRssMiB[p], p).toBeGreaterThan(0);
  }, 180_000);
});
