import type { Consumer, JsMsg } from 'nats';
/** The part of a pino logger this loop uses (stack does not depend on logging). */
interface Logger {
  error(obj: object, msg: string): void;
}

export interface Consumption {
  /** Resolves once the loop ended and every in-flight handler finished. */
  readonly done: Promise<void>;
  /** Stops pulling; handlers already running finish (graceful shutdown). */
  stop(): void;
}

/**
 * Pulls from a durable consumer and runs up to `concurrency` handlers at once:
 * signature verification is asynchronous and cheap per message only when many
 * are in flight.
 */
export async function consumeConcurrently(
  consumer: Consumer,
  concurrency: number,
  handle: (m: JsMsg) => Promise<unknown>,
  log: Logger,
): Promise<Consumption> {
  const inFlight = new Set<Promise<unknown>>();
  const messages = await consumer.consume({ max_messages: concurrency * 2 });
  const done = (async () => {
    for await (const m of messages) {
      const p = handle(m).catch((e: unknown) => {
        // handle() reports its own failures; this last guard keeps the loop alive.
        log.error({ err: e, seq: m.seq }, 'unexpected handler failure');
        m.nak(1000);
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.allSettled(inFlight);
  })();
  return { done, stop: () => messages.stop() };
}

/**
 * Pulls from a durable consumer and hands over the messages in batches: whatever
 * arrived while the previous batch was being handled, up to `maxBatch`, sorted by
 * stream sequence. One batch at a time, so a handler may treat it as one unit of work
 * (one state write and many acks instead of one round trip per message).
 *
 * `lingerMs`: how long a batch that is not full waits for more messages before it is
 * handled. Without it, a steady trickle makes batches of one or two, and the unit of
 * work is paid per message after all.
 */
export async function consumeInBatches(
  consumer: Consumer,
  maxBatch: number,
  handle: (batch: JsMsg[]) => Promise<void>,
  log: Logger,
  lingerMs = 0,
): Promise<Consumption> {
  const messages = await consumer.consume({ max_messages: maxBatch });
  const buffer: JsMsg[] = [];
  let wake: (() => void) | undefined;
  let full: (() => void) | undefined;
  let ended = false;
  const linger = () =>
    new Promise<void>((r) => {
      const timer = setTimeout(r, lingerMs);
      full = () => {
        clearTimeout(timer);
        r();
      };
    }).finally(() => (full = undefined));
  const worker = (async () => {
    for (;;) {
      if (buffer.length === 0) {
        if (ended) return;
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      if (lingerMs > 0 && buffer.length < maxBatch && !ended) await linger();
      const batch = buffer.splice(0, maxBatch).sort((a, b) => a.seq - b.seq);
      await handle(batch).catch((e: unknown) => {
        log.error({ err: e, first: batch[0]!.seq, size: batch.length }, 'unexpected batch failure');
        for (const m of batch) m.nak(1000);
      });
    }
  })();
  const done = (async () => {
    for await (const m of messages) {
      buffer.push(m);
      wake?.();
      wake = undefined;
      if (buffer.length >= maxBatch) full?.();
    }
    ended = true;
    wake?.();
    full?.();
    await worker;
  })();
  return { done, stop: () => messages.stop() };
}
