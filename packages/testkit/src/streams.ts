import type { NatsConnection } from 'nats';
import { v1 } from '@samenhang/proto';

/** Every message of a stream as stored, by sequence (read as the admin identity). */
export async function readStream(nc: NatsConnection, stream: string): Promise<{ subject: string; data: Uint8Array }[]> {
  const jsm = await nc.jetstreamManager();
  const { first_seq, last_seq, messages } = (await jsm.streams.info(stream)).state;
  const out: { subject: string; data: Uint8Array }[] = [];
  if (messages === 0) return out;
  for (let seq = first_seq; seq <= last_seq; seq++) {
    try {
      const m = await jsm.streams.getMessage(stream, { seq });
      out.push({ subject: m.subject, data: m.data });
    } catch (e) {
      // Interior gaps: KV keeps one revision per key, older ones are gone.
      if (!/no message found/i.test((e as Error).message)) throw e;
    }
  }
  return out;
}

export async function streamCount(nc: NatsConnection, stream: string): Promise<number> {
  return (await (await nc.jetstreamManager()).streams.info(stream)).state.messages;
}

export async function verifiedSignals(nc: NatsConnection): Promise<v1.VerifiedSignal[]> {
  return (await readStream(nc, 'SIGNALS'))
    .filter((m) => m.subject.startsWith('samenhang.signals.'))
    .map((m) => v1.VerifiedSignal.decode(m.data));
}

export async function verifiedConsents(nc: NatsConnection): Promise<v1.VerifiedConsent[]> {
  return (await readStream(nc, 'SIGNALS'))
    .filter((m) => m.subject.startsWith('samenhang.consents.'))
    .map((m) => v1.VerifiedConsent.decode(m.data));
}

export async function receipts(nc: NatsConnection): Promise<v1.Receipt[]> {
  return (await readStream(nc, 'RECEIPTS')).map((m) => v1.Receipt.decode(m.data));
}

/** Waits until a durable consumer has nothing pending or unacknowledged (its service is idle). */
export async function consumerIdle(
  nc: NatsConnection,
  stream: string,
  consumer: string,
  timeoutMs = 30_000,
): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const c = await jsm.consumers.info(stream, consumer);
    if (c.num_pending === 0 && c.num_ack_pending === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${stream}/${consumer} still busy after ${timeoutMs} ms`);
}
