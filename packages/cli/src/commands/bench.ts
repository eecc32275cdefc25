import type { Env } from '@samenhang/config';
import { WORKLOAD_AGENCIES, formatAuditReport, formatReport, runAuditBench, runBench } from '@samenhang/bench';
import { replayStored } from '../replay/stored.js';
import { EXIT, out, usageError } from '../output.js';
import { startStack } from '@samenhang/launcher';

export interface BenchFlags {
  signals?: string;
  systems?: string;
  agencies?: string;
  rate?: string;
  'latency-signals'?: string;
  'latency-warmup'?: string;
  replay?: string;
  cluster?: string;
  out?: string;
  json?: boolean;
  records?: string;
  dir?: string;
}

function int(flags: BenchFlags, name: keyof BenchFlags, fallback: number, min = 1): number {
  const raw = flags[name];
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(v) || v < min) throw usageError(`--${name} takes a whole number ≥ ${min}`);
  return v;
}

/**
 * `samenhang bench`: checks its flags and applies their defaults, runs the bench
 * (@samenhang/bench) on a stack of its own, with this CLI's launcher and replay as the parts
 * it measures, and prints the report.
 */
export async function bench(env: Env, flags: BenchFlags): Promise<number> {
  const signals = int(flags, 'signals', 100_000);
  const systems = int(flags, 'systems', Math.max(1, Math.round(signals / 10)));
  const agencies = int(flags, 'agencies', 5);
  if (agencies > Object.keys(WORKLOAD_AGENCIES).length)
    throw usageError(`--agencies takes at most ${Object.keys(WORKLOAD_AGENCIES).length}`);
  const rate = int(flags, 'rate', 500);
  const latencySignals = int(flags, 'latency-signals', rate * 5);
  const latencyWarmup = int(flags, 'latency-warmup', latencySignals, 0);
  const replay = int(flags, 'replay', 1_000_000);
  const cluster = flags.cluster === undefined ? 1 : Number(flags.cluster);
  if (cluster !== 1 && cluster !== 3) throw usageError('--cluster takes 3');

  const { report, file } = await runBench(
    env,
    {
      signals,
      systems,
      agencies,
      rate,
      latencySignals,
      latencyWarmup,
      replay,
      cluster,
      out: flags.out,
    },
    { startStack, replayStored },
  );
  out(flags.json ? JSON.stringify(report, null, 2) : `${formatReport(report)}\n\nJSON: ${file}`);
  return EXIT.OK;
}

/** `samenhang bench audit [--records N]`: the privacy officer's tools over a synthetic log of N records. */
export async function benchAudit(flags: BenchFlags): Promise<number> {
  const records = int(flags, 'records', 10_000_000);
  const { report, file } = await runAuditBench({
    records,
    ...(flags.out ? { out: flags.out } : {}),
    ...(flags.dir ? { dir: flags.dir } : {}),
  });
  out(flags.json ? JSON.stringify(report, null, 2) : `${formatAuditReport(report)}\n\nJSON: ${file}`);
  return EXIT.OK;
}
