import type { NatsConnection } from 'nats';
import { AUDIT_CONSUMER, CONSENT_CONSUMER, GATEWAY_CONSUMER, STREAMS } from '@samenhang/topology';

/** What the operator sees: counts and ages only, never a subject, key or message of a family. */
export interface HealthFigures {
  readonly streams: readonly { readonly name: string; readonly messages?: number; readonly bytes?: number }[];
  readonly consumers: readonly {
    readonly service: string;
    readonly stream: string;
    /** Messages the service has not yet been given; undefined when it cannot be read. */
    readonly pending?: number;
    /** Given to it and not yet acknowledged. */
    readonly unacknowledged?: number;
  }[];
}

/** The broker's own durable consumers: which service works through which stream. */
const DURABLES = [
  { service: GATEWAY_CONSUMER, stream: STREAMS.INGRESS },
  { service: CONSENT_CONSUMER, stream: STREAMS.SIGNALS },
  { service: AUDIT_CONSUMER, stream: STREAMS.AUDIT },
] as const;

/**
 * Reads the streams' sizes and the services' backlogs with the console's own identity. A
 * figure that cannot be read is left out (shown as unknown), never guessed: a stream that
 * does not answer is itself what the operator needs to see.
 */
export async function healthFigures(nc: NatsConnection): Promise<HealthFigures> {
  const jsm = await nc.jetstreamManager();
  const streams = await Promise.all(
    Object.values(STREAMS).map(async (name) => {
      const state = await jsm.streams.info(name).then(
        (i) => i.state,
        () => undefined,
      );
      return state ? { name, messages: state.messages, bytes: state.bytes } : { name };
    }),
  );
  const consumers = await Promise.all(
    DURABLES.map(async ({ service, stream }) => {
      const info = await jsm.consumers.info(stream, service).catch(() => undefined);
      return info
        ? { service, stream, pending: info.num_pending, unacknowledged: info.num_ack_pending }
        : { service, stream };
    }),
  );
  return { streams, consumers };
}
