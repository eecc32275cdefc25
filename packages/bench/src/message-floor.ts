import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { AckPolicy, DeliverPolicy, StorageType, nanos, type NatsConnection } from 'nats';
import type { HomePaths } from '@samenhang/config';
import { ESTIMATED_BYTES } from './floor-shape.js';
import type { FloorWorkerData } from './floor-worker.js';
import type { PipelineResult } from './pipeline.js';
import { Progress } from './progress.js';
import { perSecond } from './stats.js';

export interface FloorResult {
  readonly signals: number;
  readonly ms: number;
  readonly signalsPerSecond: number;
}

const STREAMS = {
  FLOOR_IN: 'floor.in',
  FLOOR_SIG: 'floor.sig',
  FLOOR_RCPT: 'floor.rcpt',
  FLOOR_AUDIT: 'floor.audit.*',
  FLOOR_ALERT: 'floor.alert',
};
const BUCKETS = ['floor_index', 'floor_vault', 'floor_keys', 'floor_pictures', 'floor_links', 'floor_state'];

/**
 * The message floor: the pipeline's per-signal NATS traffic with no work — no verification,
 * decision, crypto or JSON — on the same server, each service's place in its own thread with
 * its own connection. Its rate is the most the pipeline could reach while it sends that much;
 * the raw baseline sends only the stream hops. Measured until the consent role handled every
 * signal; its streams and buckets are deleted afterwards.
 */
export async function benchFloor(
  admin: NatsConnection,
  stack: { readonly paths: HomePaths; readonly servers: readonly string[] },
  n: number,
  systems: number,
  measured: PipelineResult['bytes'],
  replicas: number,
): Promise<FloorResult> {
  const jsm = await admin.jetstreamManager();
  const js = admin.jetstream();
  for (const [name, subject] of Object.entries(STREAMS))
    await jsm.streams.add({
      name,
      subjects: [subject],
      storage: StorageType.File,
      num_replicas: replicas,
      duplicate_window: nanos(3_600_000),
    });
  for (const b of BUCKETS) await js.views.kv(b, { history: 1, storage: StorageType.File, replicas });
  const durable = {
    max_ack_pending: 1024,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(10_000),
  };
  await jsm.consumers.add('FLOOR_IN', { durable_name: 'gw', ...durable });
  await jsm.consumers.add('FLOOR_SIG', { durable_name: 'consent', ...durable });
  await jsm.consumers.add('FLOOR_AUDIT', { durable_name: 'audit', ...durable, max_ack_pending: 256 });

  const decided = new Int32Array(new SharedArrayBuffer(4));
  const bytes = { ...ESTIMATED_BYTES, ...measured };
  const workers = (['gateway', 'consent', 'audit'] as const).map((role) => {
    const workerData: FloorWorkerData = { role, ...stack, systems, bytes, decided };
    return new Worker(new URL('./floor-worker.js', import.meta.url), { workerData });
  });
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((ok, no) => {
            w.once('message', ok);
            w.once('error', no);
          }),
      ),
    );
    const ingress = new Uint8Array(Math.max(1, bytes.ingress)).fill(7);
    const progress = new Progress('message floor', n);
    const t0 = performance.now();
    for (let i = 0; i < n; i += 256)
      await Promise.all(Array.from({ length: Math.min(256, n - i) }, () => js.publish('floor.in', ingress)));
    while (Atomics.load(decided, 0) < n) {
      progress.update(Atomics.load(decided, 0));
      await sleep(20);
    }
    const ms = performance.now() - t0;
    progress.done(`${perSecond(n, ms)} signals/s`);
    return { signals: n, ms, signalsPerSecond: perSecond(n, ms) };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    for (const name of Object.keys(STREAMS)) await jsm.streams.delete(name).catch(() => undefined);
    for (const b of BUCKETS) await jsm.streams.delete(`KV_${b}`).catch(() => undefined);
  }
}
