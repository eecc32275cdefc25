import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const dir = mkdtempSync(join(tmpdir(), 'samenhang-bench-test-'));

// The bench reports and never asserts on timing; this checks that every stage ran over
// what it was asked to, on its own real stack (one node, or three), and that the report says so.
describe('samenhang bench (a small run)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures every stage over the requested load and writes the JSON report', async () => {
    const out = join(dir, 'bench.json');
    const args = [
      'bench',
      '--signals',
      '400',
      '--systems',
      '40',
      '--rate',
      '50',
      '--latency-signals',
      '20',
      '--replay',
      '2000',
      '--out',
      out,
    ];
    const { stdout } = await promisify(execFile)('node', [BIN, ...args], { timeout: 170_000 });
    expect(stdout).toContain('full pipeline');
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.options).toMatchObject({
      signals: 400,
      systems: 40,
      rate: 50,
      latencySignals: 20,
      latencyWarmup: 20,
      replay: 2000,
      cluster: 1,
    });
    expect(r.pipeline.signals).toBe(400);
    expect([r.pipeline.replicas, r.baseline.replicas]).toEqual([1, 1]);
    expect(r.pipeline.signalsPerSecond).toBeGreaterThan(0);
    expect(r.baseline.messages).toBe(400);
    expect(r.ratioToRaw).toBeCloseTo(r.pipeline.signalsPerSecond / r.baseline.perSecond, 1);
    // The message floor ran in the same run, over as many signals, and the pipeline is compared to it.
    expect(r.floor.signals).toBe(r.pipeline.signals);
    expect(r.floor.signalsPerSecond).toBeGreaterThan(0);
    expect(r.ratioToFloor).toBeCloseTo(r.pipeline.signalsPerSecond / r.floor.signalsPerSecond, 1);
    expect(r.latency).toMatchObject({ rate: 50, signals: 20, received: 20, warmup: 20 }); // the warm-up's alerts are not measured
    expect(r.latency.p50).toBeLessThanOrEqual(r.latency.p99);
    // The verification stage (in its worker thread) verified every envelope it was given.
    expect(r.verification.envelopes).toBe(400);
    expect(r.verification.stagePerSecond).toBeGreaterThan(0);
    expect(r.replay.decisions).toBe(2000);
    // The command over what was stored: every signal of the load, the warm-up and the latency
    // run, read from the pictures and decided again as the consent service decided it.
    expect(r.replayStored).toMatchObject({ decisions: 440, changed: 0 });
    expect(r.replayStored.pictures).toBeGreaterThanOrEqual(40);
    expect(stdout).toMatch(/replay \(the command\)\s+\d+ decisions\/s over the 440 signals/);
    for (const p of ['broker-gateway', 'consent', 'audit', 'nats-server'])
      expect(r.peakRssMiB[p], p).toBeGreaterThan(0);
  }, 180_000);

  it('--cluster 3 measures on three nodes, the baseline with as many replicas as the pipeline', async () => {
    const out = join(dir, 'bench-cluster.json');
    const args = [
      'bench',
      '--cluster',
      '3',
      '--signals',
      '200',
      '--rate',
      '50',
      '--latency-signals',
      '10',
      '--replay',
      '1000',
      '--out',
      out,
    ];
    const { stdout } = await promisify(execFile)('node', [BIN, ...args], { timeout: 170_000 });
    expect(stdout).toContain('nats-server 2.9');
    expect(stdout).toContain('streams of 3 replicas');
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.options.cluster).toBe(3);
    expect(r.machine.natsServer).toMatch(/×3$/);
    expect(r.pipeline.signals).toBe(200);
    // Every stream and bucket the pipeline wrote to, and the baseline's own, kept three copies.
    expect([r.pipeline.replicas, r.baseline.replicas]).toEqual([3, 3]);
    expect(r.latency).toMatchObject({ signals: 10, received: 10 });
    expect(r.replayStored).toMatchObject({ decisions: 220, changed: 0 }); // read from the cluster's pictures
    for (const p of ['nats-server-1', 'nats-server-2', 'nats-server-3']) expect(r.peakRssMiB[p], p).toBeGreaterThan(0);
  }, 180_000);

  it('bench audit makes a log, builds the index from it and measures every part in a process of its own', async () => {
    const out = join(dir, 'bench-audit.json');
    const { stdout } = await promisify(execFile)(
      'node',
      [BIN, 'bench', 'audit', '--records', '6000', '--dir', dir, '--out', out],
      { timeout: 170_000 },
    );
    expect(stdout).toContain('index build');
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r).toMatchObject({ kind: 'audit', records: 6000, checkpointEvery: 64, verifyOk: true });
    // One every 64 records, and the last one covering the rest.
    expect(r.checkpoints).toBe(Math.ceil(6000 / 64));
    // Built through the worker thread (batches of 2,048), and the queries found what the log holds.
    expect(r.buildRecordsPerSecond).toBeGreaterThan(0);
    expect(r.accessReportSignals).toBeGreaterThan(0);
    expect(r.disclosuresByRecipientMonthRows).toBeGreaterThan(0);
    for (const k of ['verifyRatio', 'verifyWithIndexRatio', 'inclusionProofMs', 'learningFiguresMs'])
      expect(typeof r[k], k).toBe('number');
    // The peak after each part, in the measuring process: it only grows.
    const { build, queries, verify, proof } = r.peakRssMiBAfter;
    expect(build).toBeGreaterThan(0);
    expect([build, queries, verify, proof]).toEqual([build, queries, verify, proof].sort((a, b) => a - b));
    expect(r.peakRssMiB).toBe(proof);
  }, 180_000);
});
