import { AckPolicy, DeliverPolicy, createInbox, nanos, nuid, type MsgHdrs, type NatsConnection } from 'nats';
import { retryOnTimeout } from './retry-timeout.js';

/** One stored message as a reader delivers it. */
export interface ReadMessage {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers?: MsgHdrs;
  /** Messages matching the filter still to come after this one, as the server counted them. */
  readonly pending: number;
}

export interface FilteredReader extends AsyncIterable<ReadMessage> {
  readonly name: string;
  /** Messages matching the filter that were waiting when the reader opened. */
  readonly pendingAtOpen: number;
  /** Ends the iteration; the server removes the consumer once nobody listens. */
  close(): Promise<void>;
}

/** How long a reader's consumer outlives its last listener before nats-server removes it. */
const INACTIVE_MS = 30_000;
const HEARTBEAT_MS = 5_000;

/**
 * An ephemeral, unacknowledged consumer over one subject of a shared stream that pushes
 * into this connection's own inbox, made with the API call whose subject carries the
 * filter. A participant is therefore allowed only
 * `$JS.API.CONSUMER.CREATE.<stream>.*.<its own filter>`: no stream names or info (which
 * would reveal others' traffic), and no pulling from, inspecting or deleting a consumer
 * by name. Whoever learns another's consumer name can do nothing with it: its messages go
 * to an inbox only that identity may subscribe to, and the filter a participant may
 * create with is its own (docs/security.md).
 */
export async function openFilteredReader(
  nc: NatsConnection,
  stream: string,
  filter: string,
  options: { deliver?: 'new' | 'all'; startTime?: Date } = {},
): Promise<FilteredReader> {
  // A short timeout: a consumer placed on a dead cluster peer is retried under a new name.
  const jsm = await nc.jetstreamManager({ checkAPI: false, timeout: 2000 });
  const deliver = options.startTime ? DeliverPolicy.StartTime : options.deliver === 'all' ? DeliverPolicy.All : DeliverPolicy.New;
  // The connection's own inbox prefix (connectAs sets it per identity), the one it may subscribe to.
  const inbox = createInbox((nc as NatsConnection & { options?: { inboxPrefix?: string } }).options?.inboxPrefix);
  const sub = nc.subscribe(inbox);
  try {
    const { name, pending } = await retryOnTimeout(async () => {
      const fresh = `r${nuid.next()}`;
      const info = await jsm.consumers.add(stream, {
        name: fresh,
        deliver_subject: inbox,
        filter_subject: filter,
        ack_policy: AckPolicy.None,
        deliver_policy: deliver,
        ...(options.startTime ? { opt_start_time: options.startTime.toISOString() } : {}),
        // Without flow control a fast stream could overrun a slow reader's connection.
        flow_control: true,
        idle_heartbeat: nanos(HEARTBEAT_MS),
        inactive_threshold: nanos(INACTIVE_MS),
        mem_storage: true,
        num_replicas: 1,
      });
      return { name: fresh, pending: info.num_pending };
    });
    return {
      name,
      pendingAtOpen: pending,
      async close() {
        sub.unsubscribe();
      },
      async *[Symbol.asyncIterator]() {
        try {
          for await (const m of sub) {
            // Status messages: flow control asks for an answer; a stalled heartbeat names where to send one.
            if (m.headers?.code === 100) {
              if (m.reply) m.respond();
              const stalled = m.headers.get('Nats-Consumer-Stalled');
              if (stalled) nc.publish(stalled);
              continue;
            }
            yield readMessage(m.subject, m.data, m.reply, m.headers);
          }
        } finally {
          sub.unsubscribe();
        }
      },
    };
  } catch (e) {
    sub.unsubscribe();
    throw e;
  }
}

/**
 * The delivery's reply subject is `$JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.
 * <consumer seq>.<time>.<pending>` (with a domain and account hash inserted after ACK on
 * newer servers): counted from the end, both forms agree.
 */
function readMessage(subject: string, data: Uint8Array, reply: string | undefined, headers: MsgHdrs | undefined): ReadMessage {
  const t = (reply ?? '').split('.');
  const seq = Number(t[t.length - 5]);
  const pending = Number(t[t.length - 1]);
  return { seq: Number.isFinite(seq) ? seq : 0, subject, data, pending: Number.isFinite(pending) ? pending : 0, ...(headers ? { headers } : {}) };
}
