import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { NatsConnection } from 'nats';
import { homePaths, type Env, type HomePaths } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { loadDefaultPolicy } from '@samenhang/policy';
import { natsServerVersion, requireNatsServer } from '@samenhang/launcher';
import { connectAs } from '@samenhang/nats';
import { benchBaseline } from './baseline.js';
import { benchFloor } from './message-floor.js';
import { benchLatency } from './latency.js';
import { signWorkload, type SignedItem } from './load-publisher.js';
import { benchPipeline } from './pipeline.js';
import { Progress } from './progress.js';
import { benchReplay, benchStoredReplay, type StoredReplayFn } from './replay-stage.js';
import type { BenchReport } from './report.js';
import { peakRssMiB } from './stats.js';
import { benchVerifyInWorker } from './verify-stage.js';
import { WORKLOAD_AGENCIES, acuteSignals, syntheticWorkload, type WorkloadItem } from './workload.js';

/** What one run measures over, already checked (the CLI's `bench` flags, with its defaults). */
export interface BenchOptions {
  readonly signals: number;
  readonly systems: number;
  /** How many of WORKLOAD_AGENCIES send the load, in their order. */
  readonly agencies: number;
  readonly rate: number;
  readonly latencySignals: number;
  readonly latencyWarmup: number;
  readonly replay: number;
  /** 1 or 3 nats-server nodes. */
  readonly cluster: number;
  /** Where the JSON report goes (default bench-results/bench-<time>.json). */
  readonly out?: string;
}

/** What the bench reads of the stack it starts: its servers and its processes' pids. */
export interface BenchStack {
  readonly servers: readonly string[];
  readonly services: ReadonlyMap<string, { readonly child: { readonly pid?: number | undefined } }>;
  readonly natsNodes: readonly { readonly pid: number }[];
  stop(): Promise<void>;
}

/**
 * What the bench measures but does not own: the launcher that starts a stack and the
 * replay command's stored replay. The CLI, which runs the bench, passes its own.
 */
export interface BenchParts {
  startStack(paths: HomePaths, env: Env, o: { cluster: number }): Promise<BenchStack>;
  readonly replayStored: StoredReplayFn;
}

async function signWithProgress(
  paths: HomePaths,
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
 * One bench run: starts its own stack in a temporary home, pre-signs synthetic signals,
 * and measures the full pipeline, a raw JetStream baseline, the message floor (the pipeline's
 * NATS traffic with no work), the ingress-to-alert latency at
 * a fixed rate, the verification stage against bare node:crypto, replay's evaluation, and
 * each process's peak RSS. Writes the JSON report (before the stack stops) and returns it
 * with the file's path. Reports, never asserts.
 */
export async function runBench(
  env: Env,
  o: BenchOptions,
  parts: BenchParts,
): Promise<{ report: BenchReport; file: string }> {
  const { signals, systems, rate, latencySignals, latencyWarmup, cluster } = o;
  const agencies = Object.keys(WORKLOAD_AGENCIES).slice(0, o.agencies);

  const root = mkdtempSync(join(tmpdir(), 'samenhang-bench-'));
  const paths = homePaths(root);
  const conns: NatsConnection[] = [];
  const stack = await parts.startStack(paths, env, { cluster });
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
    stack.natsNodes.forEach((n, i) => {
      peak[stack.natsNodes.length === 1 ? 'nats-server' : `nats-server-${i + 1}`] = peakRssMiB(n.pid);
    });
    // The command itself over everything the two runs above stored (after the services' peaks: it is not theirs).
    const replayedStored = await benchStoredReplay(
      parts.replayStored,
      admin.jetstream(),
      loadRegistry(paths.registry),
      loadDefaultPolicy(),
    );
    const baseline = await benchBaseline(admin, signals, pipeline.bytes, cluster === 3 ? 3 : 1);
    const floor = await benchFloor(
      admin,
      { paths, servers: stack.servers },
      signals,
      systems,
      pipeline.bytes,
      cluster === 3 ? 3 : 1,
    );
    const files = { caCert: paths.caCert, identities: paths.identities, registry: paths.registry };
    const verification = await benchVerifyInWorker(files, toVerify);
    const replay = benchReplay(o.replay, loadDefaultPolicy());
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
        agencies: o.agencies,
        rate,
        latencySignals,
        latencyWarmup,
        replay: o.replay,
        cluster,
      },
      pipeline,
      baseline,
      floor,
      ratioToRaw: Math.round((pipeline.signalsPerSecond / baseline.perSecond) * 100) / 100,
      ratioToFloor: Math.round((pipeline.signalsPerSecond / floor.signalsPerSecond) * 100) / 100,
      latency,
      verification,
      replay,
      replayStored: replayedStored,
      peakRssMiB: peak,
    };
    const file = resolve(o.out ?? join('bench-results', `bench-${report.at.replace(/[:.]/g, '-')}.json`));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    return { report, file };
  } finally {
    await Promise.allSettled(conns.map((c) => c.close()));
    await stack.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
