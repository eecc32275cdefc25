import { setTimeout as sleep } from 'node:timers/promises';
import { AckPolicy, DeliverPolicy, StorageType, nanos, type NatsConnection } from 'nats';
import { consumeConcurrently } from '@samenhang/nats';
import type { PipelineResult } from './pipeline.js';
import { Progress } from './progress.js';
import { perSecond } from './stats.js';

export interface BaselineResult {
  readonly messages: number;
  readonly ms: number;
  readonly perSecond: number;
  /** Replicas of the baseline's streams, as the server created them. */
  readonly replicas: number;
}

const quiet = { error: () => undefined };

/**
 * The same JetStream hops as the pipeline with the same message sizes, and nothing
 * else: publish on an ingress stream; relay 1 (the gateway's place) stores a receipt-
 * and a signal-sized message; relay 2 (consent's place) stores an audit- and an
 * alert-sized message; each relay acks after its publishes are acknowledged, with
 * the services' concurrency. Measured until relay 2 acknowledged every message.
 */
export async function benchBaseline(
  admin: NatsConnection,
  n: number,
  bytes: PipelineResult['bytes'],
  replicas: number,
): Promise<BaselineResult> {
  const jsm = await admin.jetstreamManager();
  const js = admin.jetstream();
  const streams = { BENCH_IN: 'bench.in', BENCH_MID: 'bench.mid.*', BENCH_OUT: 'bench.out.*' };
  let created = replicas;
  for (const [name, subject] of Object.entries(streams)) {
    await jsm.streams.delete(name).catch(() => undefined);
    const info = await jsm.streams.add({
      name,
      subjects: [subject],
      storage: StorageType.File,
      num_replicas: replicas,
    });
    created = Math.min(created, info.config.num_replicas);
  }
  const durable = async (stream: string, name: string, filter?: string) => {
    await jsm.consumers.add(stream, {
      durable_name: name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(30_000),
      max_ack_pending: 1024,
      ...(filter ? { filter_subject: filter } : {}),
    });
    return js.consumers.get(stream, name);
  };
  const payload = (size: number) => new Uint8Array(Math.max(1, size)).fill(7);
  const [receipt, signal, audit, alert] = [
    payload(bytes.receipt),
    payload(bytes.signal),
    payload(bytes.audit),
    payload(bytes.alert),
  ];
  const relay1 = await consumeConcurrently(
    await durable('BENCH_IN', 'relay1'),
    64,
    async (m) => {
      await Promise.all([
        js.publish('bench.mid.receipt', receipt, { msgID: `r${m.seq}` }),
        js.publish('bench.mid.signal', signal, { msgID: `s${m.seq}` }),
      ]);
      m.ack();
    },
    quiet,
  );
  let relayed = 0;
  const relay2 = await consumeConcurrently(
    await durable('BENCH_MID', 'relay2', 'bench.mid.signal'),
    64,
    async (m) => {
      await Promise.all([
        js.publish('bench.out.audit', audit, { msgID: `a${m.seq}` }),
        js.publish('bench.out.alert', alert, { msgID: `l${m.seq}` }),
      ]);
      m.ack();
      relayed++;
    },
    quiet,
  );

  const ingress = payload(bytes.ingress);
  const progress = new Progress('raw JetStream baseline', n);
  const t0 = performance.now();
  const publishing = (async () => {
    for (let i = 0; i < n; i += 256)
      await Promise.all(Array.from({ length: Math.min(256, n - i) }, () => js.publish('bench.in', ingress)));
  })();
  while (relayed < n) {
    progress.update(relayed);
    await sleep(20);
  }
  const ms = performance.now() - t0;
  await publishing;
  progress.done(`${perSecond(n, ms)} messages/s`);
  relay1.stop();
  relay2.stop();
  await Promise.all([relay1.done, relay2.done]);
  for (const name of Object.keys(streams)) await jsm.streams.delete(name).catch(() => undefined);
  return { messages: n, ms, perSecond: perSecond(n, ms), replicas: created };
}
