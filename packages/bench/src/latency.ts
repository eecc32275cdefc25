import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import { v1 } from '@samenhang/proto';
import { publishSigned, type SignedItem } from './load-publisher.js';
import { openFilteredReader } from '@samenhang/nats';
import { STREAMS, subjects } from '@samenhang/topology';
import { Progress } from './progress.js';
import { percentile } from './stats.js';

export interface LatencyResult {
  readonly rate: number;
  readonly signals: number;
  readonly received: number;
  /** ACUTE signals offered first at half the rate, not measured. */
  readonly warmup: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

type Item = SignedItem & { signalId: string };

/**
 * Ingress-to-alert latency at a fixed offered rate: ACUTE signals (each alerts at once)
 * published on schedule, one by one; the region's RVT follows its alerts and notes,
 * per signal, when the first alert showing it arrived.
 *
 * `warmup` signals go first at half the rate, unmeasured, until each has alerted: a new
 * system's code paths are otherwise compiled during the measured seconds, and at a rate
 * near what the machine sustains the queue built then is what the percentiles show.
 */
export async function benchLatency(
  rvt: NatsConnection,
  region: string,
  conns: ReadonlyMap<string, NatsConnection>,
  signed: readonly Item[],
  rate: number,
  warmup: readonly Item[] = [],
): Promise<LatencyResult> {
  const sentAt = new Map<string, number>();
  const warming = new Set(warmup.map((x) => x.signalId));
  const latencies: number[] = [];
  const reader = await openFilteredReader(rvt, STREAMS.ALERTS, subjects.alerts(region), { deliver: 'new' });
  const following = (async () => {
    for await (const m of reader) {
      const now = performance.now();
      for (const e of v1.HouseholdAlert.decode(m.data).entries) {
        const id = e.signalId ?? '';
        warming.delete(id);
        const t = sentAt.get(id);
        if (t !== undefined) {
          latencies.push(now - t);
          sentAt.delete(id);
        }
      }
    }
  })();
  if (warmup.length > 0) {
    const progress = new Progress(`latency warm-up at ${rate / 2}/s`, warmup.length);
    await offer(
      warmup,
      rate / 2,
      () => {},
      (i) => i % 50 === 0 && progress.update(warmup.length - warming.size),
    );
    await drain(
      () => warming.size === 0,
      () => progress.update(warmup.length - warming.size),
    );
    progress.done();
  }
  const progress = new Progress(`latency at ${rate}/s`, signed.length);
  await offer(
    signed,
    rate,
    (x) => sentAt.set(x.signalId, performance.now()),
    (i) => i % 50 === 0 && progress.update(latencies.length),
  );
  await drain(
    () => latencies.length >= signed.length,
    () => progress.update(latencies.length),
  );
  progress.done(`p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  await reader.close();
  await following;
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    rate,
    signals: signed.length,
    received: latencies.length,
    warmup: warmup.length,
    p50: r(percentile(latencies, 50)),
    p95: r(percentile(latencies, 95)),
    p99: r(percentile(latencies, 99)),
    max: r(Math.max(...latencies)),
  };

  /** Publishes each item on schedule (`rate` per second), not waiting for its acknowledgement. */
  async function offer(
    items: readonly Item[],
    perSecond: number,
    sent: (x: Item) => void,
    tick: (i: number) => unknown,
  ): Promise<void> {
    const t0 = performance.now();
    for (let i = 0; i < items.length; i++) {
      const due = t0 + (i * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      sent(items[i]!);
      void publishSigned(conns, [items[i]!], { window: 1 });
      tick(i);
    }
  }
}

/** Waits (at most 30 s) until `done`. */
async function drain(done: () => boolean, tick: () => void): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!done() && performance.now() < deadline) {
    tick();
    await sleep(20);
  }
}
