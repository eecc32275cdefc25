import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import { publishSigned, type SignedItem } from './load-publisher.js';
import { AUDIT_CONSUMER, CONSENT_CONSUMER, STREAMS } from '@samenhang/topology';
import { Progress } from './progress.js';
import { perSecond } from './stats.js';

export interface PipelineResult {
  readonly signals: number;
  readonly ms: number;
  readonly signalsPerSecond: number;
  /** How long after the consent service the audit service had every record in its Merkle log. */
  readonly auditLagMs: number;
  /** Average stored message size per stream, for the baseline's messages. */
  readonly bytes: { ingress: number; receipt: number; signal: number; audit: number; alert: number };
  /** The fewest replicas of any stream or bucket the pipeline stored in (3 on `--cluster 3`). */
  readonly replicas: number;
}

/** Every stream's replicas, as the server has them: what the measured writes waited for. */
async function fewestReplicas(admin: NatsConnection): Promise<number> {
  const replicas: number[] = [];
  for await (const s of (await admin.jetstreamManager()).streams.list()) replicas.push(s.config.num_replicas);
  return Math.min(...replicas);
}

async function consumerFloor(
  admin: NatsConnection,
  stream: string,
  consumer: string,
): Promise<{ floor: number; pending: number }> {
  const c = await (await admin.jetstreamManager()).consumers.info(stream, consumer);
  return { floor: c.ack_floor.stream_seq, pending: c.num_pending + c.num_ack_pending };
}

/**
 * The full pipeline: every envelope published on ingress (window of 256 unacknowledged
 * publishes), until the consent service acknowledged its signal — which it does after
 * the decision record is on the audit stream and the alert is published.
 */
export async function benchPipeline(
  admin: NatsConnection,
  conns: ReadonlyMap<string, NatsConnection>,
  signed: readonly SignedItem[],
): Promise<PipelineResult> {
  const n = signed.length;
  const jsm = await admin.jetstreamManager();
  const startSeq = (await jsm.streams.info(STREAMS.SIGNALS)).state.last_seq;
  const progress = new Progress('full pipeline', n);
  const t0 = performance.now();
  const publishing = publishSigned(conns, signed);
  for (;;) {
    const { floor, pending } = await consumerFloor(admin, STREAMS.SIGNALS, CONSENT_CONSUMER);
    progress.update(Math.max(0, floor - startSeq));
    if (floor - startSeq >= n && pending === 0) break;
    await sleep(50);
  }
  const ms = performance.now() - t0;
  await publishing;
  progress.done(`${perSecond(n, ms)} signals/s`);
  for (;;) {
    const { pending } = await consumerFloor(admin, STREAMS.AUDIT, AUDIT_CONSUMER);
    if (pending === 0) break;
    await sleep(50);
  }
  const auditLagMs = performance.now() - t0 - ms;
  const avg = async (stream: string) => {
    const s = (await jsm.streams.info(stream)).state;
    return s.messages === 0 ? 0 : Math.round(s.bytes / s.messages);
  };
  return {
    signals: n,
    ms,
    signalsPerSecond: perSecond(n, ms),
    auditLagMs,
    bytes: {
      ingress: Math.round(signed.reduce((a, s) => a + s.envelope.length, 0) / n),
      receipt: await avg(STREAMS.RECEIPTS),
      signal: await avg(STREAMS.SIGNALS),
      audit: await avg(STREAMS.AUDIT),
      alert: await avg(STREAMS.ALERTS),
    },
    replicas: await fewestReplicas(admin),
  };
}
