import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import { v1 } from '@samenhang/proto';
import { STREAMS, openFilteredReader, subjects } from '@samenhang/stack';
import { publishSigned, type SignedItem } from '../load-publisher.js';
import { Progress } from './progress.js';
import { percentile } from './stats.js';

export interface LatencyResult {
  readonly rate: number;
  readonly signals: number;
  readonly received: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Ingress-to-alert latency at a fixed offered rate: ACUTE signals (each alerts at once)
 * published on schedule, one by one; the region's RVT follows its alerts and notes,
 * per signal, when the first alert showing it arrived.
 */
export async function benchLatency(rvt: NatsConnection, region: string, conns: ReadonlyMap<string, NatsConnection>, signed: readonly (SignedItem & { signalId: string })[], rate: number): Promise<LatencyResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const reader = await openFilteredReader(rvt, STREAMS.ALERTS, subjects.alerts(region), { deliver: 'new' });
  const messages = await reader.consumer.consume();
  const following = (async () => {
    for await (const m of messages) {
      const now = performance.now();
      for (const e of v1.HouseholdAlert.decode(m.data).entries) {
        const id = e.signalId ?? '';
        const t = sentAt.get(id);
        if (t !== undefined) {
          latencies.push(now - t);
          sentAt.delete(id);
        }
      }
    }
  })();
  const progress = new Progress(`latency at ${rate}/s`, signed.length);
  const t0 = performance.now();
  for (let i = 0; i < signed.length; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    sentAt.set(signed[i]!.signalId, performance.now());
    void publishSigned(conns, [signed[i]!], { window: 1 });
    if (i % 50 === 0) progress.update(latencies.length);
  }
  const deadline = performance.now() + 30_000;
  while (latencies.length < signed.length && performance.now() < deadline) {
    progress.update(latencies.length);
    await sleep(20);
  }
  progress.done(`p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  messages.stop();
  await following;
  await reader.close();
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    rate, signals: signed.length, received: latencies.length,
    p50: r(percentile(latencies, 50)), p95: r(percentile(latencies, 95)), p99: r(percentile(latencies, 99)), max: r(Math.max(...latencies)),
  };
}
