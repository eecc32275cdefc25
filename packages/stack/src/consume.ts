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
