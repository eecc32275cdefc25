import type { BaselineResult } from './baseline.js';
import type { LatencyResult } from './latency.js';
import type { FloorResult } from './message-floor.js';
import type { PipelineResult } from './pipeline.js';
import type { VerifyResult } from './verify-stage.js';
import type { ReplayBenchResult, StoredReplayResult } from './replay-stage.js';

export interface BenchReport {
  readonly at: string;
  readonly machine: { readonly cpus: number; readonly node: string; readonly natsServer: string };
  readonly options: Readonly<Record<string, number | string>>;
  readonly pipeline: PipelineResult;
  readonly baseline: BaselineResult;
  /** The pipeline's per-signal NATS traffic with no work, on the same server in the same run. */
  readonly floor: FloorResult;
  /** pipeline / raw baseline throughput. */
  readonly ratioToRaw: number;
  /** pipeline / message floor throughput: how much of what its traffic allows the pipeline reaches. */
  readonly ratioToFloor: number;
  readonly latency: LatencyResult;
  readonly verification: VerifyResult;
  readonly replay: ReplayBenchResult;
  /** `samenhang replay`'s own work over what the pipeline and latency runs stored. */
  readonly replayStored: StoredReplayResult;
  /** Peak RSS per process in MiB. */
  readonly peakRssMiB: Readonly<Record<string, number | undefined>>;
}

/** The targets of issue 6, each with whether this run met it. */
export function targets(r: BenchReport): { target: string; measured: string; met: boolean }[] {
  const rss = Object.entries(r.peakRssMiB).filter(([k]) => !k.startsWith('nats-server') && !k.startsWith('bench'));
  return [
    { target: 'pipeline ≥ 0.5 × raw baseline', measured: `${r.ratioToRaw} ×`, met: r.ratioToRaw >= 0.5 },
    {
      target: 'pipeline ≥ 2,000 signals/s',
      measured: `${r.pipeline.signalsPerSecond}/s over ${r.pipeline.signals}`,
      met: r.pipeline.signalsPerSecond >= 2000,
    },
    {
      target: `p99 ingress→alert ≤ 50 ms at ${r.latency.rate}/s`,
      measured: `${r.latency.p99} ms`,
      met: r.latency.p99 <= 50 && r.latency.received === r.latency.signals,
    },
    {
      target: 'verification ≥ 0.8 × raw node:crypto',
      measured: `${r.verification.ratio} ×`,
      met: r.verification.ratio >= 0.8,
    },
    {
      target: 'replay ≥ 50,000 decisions/s',
      measured: `${r.replay.decisionsPerSecond}/s over ${r.replay.decisions} in process; the command ${r.replayStored.decisionsPerSecond}/s over ${r.replayStored.decisions} stored`,
      met: r.replay.decisionsPerSecond >= 50_000 && r.replayStored.decisionsPerSecond >= 50_000,
    },
    {
      target: 'each service peak RSS ≤ 300 MiB',
      measured: rss.map(([k, v]) => `${k} ${v ?? '?'}`).join(', '),
      met: rss.every(([, v]) => v !== undefined && v <= 300),
    },
  ];
}

/** Said only when writes waited for more than one copy (`--cluster 3`). */
const replicas = (n: number) => (n > 1 ? `; streams of ${n} replicas` : '');

export function formatReport(r: BenchReport): string {
  const rows: [string, string][] = [
    [
      'full pipeline',
      `${r.pipeline.signalsPerSecond} signals/s (${r.pipeline.signals} in ${(r.pipeline.ms / 1000).toFixed(1)} s; audit log caught up ${(r.pipeline.auditLagMs / 1000).toFixed(1)} s later${replicas(r.pipeline.replicas)})`,
    ],
    [
      'raw JetStream baseline',
      `${r.baseline.perSecond} messages/s (same hops and sizes${replicas(r.baseline.replicas)})`,
    ],
    ['message floor', `${r.floor.signalsPerSecond} signals/s (the pipeline's NATS traffic per signal, no work)`],
    ['ratios', `${r.ratioToRaw} × raw baseline, ${r.ratioToFloor} × message floor`],
    [
      `latency at ${r.latency.rate}/s`,
      `p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms (${r.latency.received}/${r.latency.signals} alerted, after ${r.latency.warmup} to warm up)`,
    ],
    [
      'verification stage',
      `${r.verification.stagePerSecond}/s vs raw node:crypto ${r.verification.rawPerSecond}/s on the thread pool (${r.verification.ratio} ×); raw synchronous ${r.verification.rawSyncPerSecond}/s`,
    ],
    [
      'replay (in-process)',
      `${r.replay.decisionsPerSecond} decisions/s over ${r.replay.decisions} stored facts, ${r.replay.changed} would change`,
    ],
    [
      'replay (the command)',
      `${r.replayStored.decisionsPerSecond} decisions/s over the ${r.replayStored.decisions} signals stored in ${r.replayStored.pictures} pictures (${(r.replayStored.ms / 1000).toFixed(1)} s, reading included; evaluating ${r.replayStored.evaluationPerSecond}/s), ${r.replayStored.changed} would change`,
    ],
    [
      'peak RSS (MiB)',
      Object.entries(r.peakRssMiB)
        .map(([k, v]) => `${k} ${v ?? '?'}`)
        .join(', '),
    ],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  const lines = [
    `samenhang bench — ${r.at}, ${r.machine.cpus} CPUs, node ${r.machine.node}, ${r.machine.natsServer}`,
    '',
  ];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(w)}  ${v}`);
  lines.push('', 'targets (issue 6):');
  for (const t of targets(r)) lines.push(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.target}: ${t.measured}`);
  return lines.join('\n');
}
