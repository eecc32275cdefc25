import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { NatsConnection } from 'nats';
import { homePaths, type Env } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { loadDefaultPolicy } from '@samenhang/policy';
import { natsServerVersion, requireNatsServer } from '@samenhang/launcher';
import { connectAs } from '@samenhang/nats';
import { benchBaseline } from '../bench/baseline.js';
import { benchLatency } from '../bench/latency.js';
import { benchPipeline } from '../bench/pipeline.js';
import { Progress } from '../bench/progress.js';
import { benchReplay, benchStoredReplay } from '../bench/replay-stage.js';
import { formatReport, type BenchReport } from '../bench/report.js';
import { peakRssMiB } from '../bench/stats.js';
import { benchVerifyInWorker } from '../bench/verify-stage.js';
import { signWorkload, type SignedItem } from '../load-publisher.js';
import { startStack } from '@samenhang/launcher';
import { WORKLOAD_AGENCIES, acuteSignals, syntheticWorkload, type WorkloadItem } from '../workload.js';
import { EXIT, UsageError, out } from '../output.js';

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
}

function int(flags: BenchFlags, name: keyof BenchFlags, fallback: number, min = 1): number {
  const raw = flags[name];
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(v) || v < min) throw new UsageError(`--${name} takes a whole number ≥ ${min}`);
  return v;
}

async function signWithProgress(
  paths: ReturnType<typeof homePaths>,
  items: readonly WorkloadItem[],
  label: string,
): Promise<SignedItem[]> {
  const progress = new Progress(label, items.length);
  const out: SignedItem[] = [];
  for (let i = 0; i < items.length; i += 2000) {
    out.push(...(await signWorkload(paths, items.slice(i, i + 2000))));
    progress.update(out.length);
  }
  progress.done();
  return out;
}

/**
 * `samenhang bench`: starts its own stack in a temporary home, pre-signs synthetic
 * signals, and measures in one run the full pipeline, a raw JetStream baseline, the
 * ingress-to-alert latency at a fixed rate, the verification stage against bare
 * node:crypto, replay's evaluation, and each process's peak RSS. Reports, never asserts.
 */
export async function bench(env: Env, flags: BenchFlags): Promise<number> {
  const signals = int(flags, 'signals', 100_000);
  const systems = int(flags, 'systems', Math.max(1, Math.round(signals / 10)));
  const agencyCount = int(flags, 'agencies', 5);
  if (agencyCount > Object.keys(WORKLOAD_AGENCIES).length)
    throw new UsageError(`--agencies takes at most ${Object.keys(WORKLOAD_AGENCIES).length}`);
  const rate = int(flags, 'rate', 500);
  const latencySignals = int(flags, 'latency-signals', rate * 5);
  const latencyWarmup = int(flags, 'latency-warmup', latencySignals, 0);
  const replayN = int(flags, 'replay', 1_000_000);
  const cluster = flags.cluster === undefined ? 1 : Number(flags.cluster);
  if (cluster !== 1 && cluster !== 3) throw new UsageError('--cluster takes 3');
  const agencies = Object.keys(WORKLOAD_AGENCIES).slice(0, agencyCount);

  const root = mkdtempSync(join(tmpdir(), 'samenhang-bench-'));
  const paths = homePaths(root);
  const conns: NatsConnection[] = [];
  const stack = await startStack(paths, env, { cluster });
  try {
    const connect = async (identity: string) => {
      const nc = await connectAs({ paths, servers: stack.servers, identity });
      conns.push(nc);
      return nc;
    };
    // Signed before any clock starts: agencies sign, the broker verifies.
    // Each a new person at a new address; the first `latencyWarmup` are the warm-up.
    const acute = acuteSignals(latencyWarmup + latencySignals, { idPrefix: 'lat' });
    const acuteSigned = (await signWithProgress(paths, acute, 'signing latency load')).map((s, i) => ({
      ...s,
      signalId: acute[i]!.signal.signalId as string,
    }));
    const byAgency = new Map<string, NatsConnection>();
    for (const a of new Set([...agencies, 'politie-oost-nederland'])) byAgency.set(a, await connect(a));
    const admin = await connect('broker-admin');

    // The pipeline's load is let go once sent, but for the envelopes the verification stage
    // uses: 100,000 envelopes and their workload, held through the latency run, cost this
    // process's garbage collector up to 44 % of a core there, taken from the services measured.
    const { pipeline, toVerify } = await (async () => {
      const items = syntheticWorkload({
        systems,
        perSystem: Math.max(1, Math.ceil(signals / systems)),
        agencies,
      }).slice(0, signals);
      const signed = await signWithProgress(paths, items, 'signing the load');
      return {
        pipeline: await benchPipeline(admin, byAgency, signed),
        toVerify: signed.slice(0, 20_000).map((s) => s.envelope),
      };
    })();
    const latency = await benchLatency(
      await connect('rvt-foodvalley'),
      'foodvalley',
      byAgency,
      acuteSigned.slice(latencyWarmup),
      rate,
      acuteSigned.slice(0, latencyWarmup),
    );
    const peak: Record<string, number | undefined> = {};
    for (const [name, svc] of stack.services) peak[name] = peakRssMiB(svc.child.pid!);
    stack.natsNodes.forEach(
      (n, i) => (peak[stack.natsNodes.length === 1 ? 'nats-server' : `nats-server-${i + 1}`] = peakRssMiB(n.pid)),
    );
    // The command itself over everything the two runs above stored (after the services' peaks: it is not theirs).
    const replayedStored = await benchStoredReplay(
      admin.jetstream(),
      loadRegistry(paths.registry),
      loadDefaultPolicy(),
    );
    const baseline = await benchBaseline(admin, signals, pipeline.bytes, cluster === 3 ? 3 : 1);
    const files = { caCert: paths.caCert, identities: paths.identities, registry: paths.registry };
    const verification = await benchVerifyInWorker(files, toVerify);
    const replay = benchReplay(replayN, loadDefaultPolicy());
    peak['bench (this process)'] = peakRssMiB(process.pid);

    const report: BenchReport = {
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        natsServer: `nats-server ${natsServerVersion(requireNatsServer(env))}${cluster === 3 ? ' ×3' : ''}`,
      },
      options: {
        signals,
        systems,
        agencies: agencyCount,
        rate,
        latencySignals,
        latencyWarmup,
        replay: replayN,
        cluster,
      },
      pipeline,
      baseline,
      ratio: Math.round((pipeline.signalsPerSecond / baseline.perSecond) * 100) / 100,
      latency,
      verification,
      replay,
      replayStored: replayedStored,
      peakRssMiB: peak,
    };
    const file = resolve(flags.out ?? join('bench-results', `bench-${report.at.replace(/[:.]/g, '-')}.json`));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    out(flags.json ? JSON.stringify(report, null, 2) : `${formatReport(report)}\n\nJSON: ${file}`);
    return EXIT.OK;
  } finally {
    await Promise.allSettled(conns.map((c) => c.close()));
    await stack.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
