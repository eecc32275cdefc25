import { setTimeout as sleep } from 'node:timers/promises';
import {
  AckPolicy,
  DeliverPolicy,
  createInbox,
  nanos,
  nuid,
  type ConsumerConfig,
  type Msg,
  type MsgHdrs,
  type NatsConnection,
  type Subscription,
} from 'nats';
import { retryOnTimeout } from './retry-timeout.js';
import { isTransientNatsError } from './transient.js';

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
  /** The consumer's name (a resuming reader's current one). */
  readonly name: string;
  /** Messages matching the filter that were waiting when the reader opened. */
  readonly pendingAtOpen: number;
  /** Ends the iteration; the server removes the consumer once nobody listens. */
  close(): Promise<void>;
}

export interface ReaderOptions {
  readonly deliver?: 'new' | 'all';
  readonly startTime?: Date;
  /** Start at this stream sequence (a read model catching up after the last one it took in). */
  readonly startSeq?: number;
  /**
   * Follow across the loss of the consumer. Its one replica lives on one nats-server of a
   * cluster, and dies with it; a client that reconnected elsewhere may also have missed
   * deliveries meanwhile (nothing is acknowledged, nothing is sent again). When heartbeats
   * stop, a delivery is missing (the consumer's sequence skips one), or the connection
   * reconnects, the reader creates a new consumer from the stream sequence after the last
   * message it handed out, so the iteration goes on without a gap or a repeat.
   */
  readonly resume?: boolean;
}

/** How long a reader's consumer outlives its last listener before nats-server removes it. */
const INACTIVE_MS = 30_000;
const HEARTBEAT_MS = 5_000;
/** Silence after which a resuming reader counts its consumer as gone: two heartbeats missed, and some slack. */
const SILENT_MS = 2.5 * HEARTBEAT_MS;

type Start = { readonly deliver: DeliverPolicy; readonly time?: Date; readonly seq?: number };

interface Opened {
  readonly sub: Subscription;
  readonly name: string;
  readonly pending: number;
  /** The stream sequence the consumer starts after. */
  readonly after: number;
}

/**
 * An ephemeral, unacknowledged consumer over one subject of a shared stream that pushes
 * into this connection's own inbox, made with the API call whose subject carries the
 * filter. A participant is therefore allowed only
 * `$JS.API.CONSUMER.CREATE.<stream>.*.<its own filter>`: no stream names or info (which
 * would reveal others' traffic), and no pulling from, inspecting or deleting a consumer
 * by name. Whoever learns another's consumer name can do nothing with it: its messages go
 * to an inbox only that identity may subscribe to, and the filter a participant may
 * create with is its own (docs/security.md). A resuming reader needs nothing more: it
 * creates another such consumer, starting at a stream sequence.
 */
export async function openFilteredReader(
  nc: NatsConnection,
  stream: string,
  filter: string,
  options: ReaderOptions = {},
): Promise<FilteredReader> {
  // A short timeout: a consumer placed on a dead cluster peer is retried under a new name.
  const jsm = await nc.jetstreamManager({ checkAPI: false, timeout: 2000 });
  // The connection's own inbox prefix (connectAs sets it per identity), the one it may subscribe to.
  const prefix = (nc as NatsConnection & { options?: { inboxPrefix?: string } }).options?.inboxPrefix;

  const open = (start: Start): Promise<Opened> =>
    retryOnTimeout(async () => {
      // A fresh inbox per try: a consumer whose creation timed out but happened anyway
      // pushes into an inbox nobody listens to, and is removed, instead of doubling ours.
      const inbox = createInbox(prefix);
      const sub = nc.subscribe(inbox);
      const name = `r${nuid.next()}`;
      const config: Partial<ConsumerConfig> = {
        name,
        deliver_subject: inbox,
        filter_subject: filter,
        ack_policy: AckPolicy.None,
        deliver_policy: start.deliver,
        ...(start.time ? { opt_start_time: start.time.toISOString() } : {}),
        ...(start.seq !== undefined ? { opt_start_seq: start.seq } : {}),
        // Without flow control a fast stream could overrun a slow reader's connection.
        flow_control: true,
        idle_heartbeat: nanos(HEARTBEAT_MS),
        inactive_threshold: nanos(INACTIVE_MS),
        mem_storage: true,
        num_replicas: 1,
      };
      try {
        const info = await jsm.consumers.add(stream, config);
        return { sub, name, pending: info.num_pending, after: info.delivered.stream_seq };
      } catch (e) {
        sub.unsubscribe();
        throw e;
      }
    });

  const first = await open(
    options.startTime
      ? { deliver: DeliverPolicy.StartTime, time: options.startTime }
      : options.startSeq !== undefined
        ? { deliver: DeliverPolicy.StartSequence, seq: options.startSeq }
        : { deliver: options.deliver === 'all' ? DeliverPolicy.All : DeliverPolicy.New },
  );
  return options.resume ? resuming(nc, first, open) : single(nc, first);
}

/** A reader over one consumer: it ends when the consumer's deliveries do. */
function single(nc: NatsConnection, c: Opened): FilteredReader {
  return {
    name: c.name,
    pendingAtOpen: c.pending,
    async close() {
      c.sub.unsubscribe();
    },
    async *[Symbol.asyncIterator]() {
      try {
        for await (const m of c.sub) {
          if (answerStatus(nc, m)) continue;
          yield readMessage(m).message;
        }
      } finally {
        c.sub.unsubscribe();
      }
    },
  };
}

/** A reader that replaces a consumer it lost by one starting after the last message handed out. */
function resuming(nc: NatsConnection, first: Opened, open: (start: Start) => Promise<Opened>): FilteredReader {
  let current = first;
  let closed = false;
  let replacing = false;
  /** The stream sequence of the last message handed out: a new consumer starts after it. */
  let last = first.after;
  let heard = Date.now();

  const replace = () => {
    if (closed || replacing) return;
    replacing = true;
    current.sub.unsubscribe(); // ends the current consumer's iteration below
  };
  const watchdog = setInterval(() => {
    if (Date.now() - heard > SILENT_MS) replace();
  }, HEARTBEAT_MS);
  watchdog.unref();
  const statuses = nc.status();
  void (async () => {
    for await (const s of statuses) if (s.type === 'reconnect') replace();
  })().catch(() => undefined);
  const stop = () => {
    closed = true;
    clearInterval(watchdog);
    (statuses as { stop?: () => void }).stop?.();
    current.sub.unsubscribe();
  };

  /** A new consumer from `last + 1`, tried until it exists: a cluster may be electing meanwhile. */
  const reopen = async (): Promise<Opened | undefined> => {
    for (let attempt = 1; !closed; attempt++) {
      try {
        const c = await open({ deliver: DeliverPolicy.StartSequence, seq: last + 1 });
        if (closed) c.sub.unsubscribe();
        return closed ? undefined : c;
      } catch (e) {
        if (!isTransientNatsError(e) || nc.isClosed()) throw e;
        await sleep(Math.min(2000, 100 * 2 ** attempt));
      }
    }
    return undefined;
  };

  return {
    get name() {
      return current.name;
    },
    pendingAtOpen: first.pending,
    async close() {
      stop();
    },
    async *[Symbol.asyncIterator]() {
      try {
        while (!closed) {
          let delivered = 0; // this consumer's own delivery sequence
          for await (const m of current.sub) {
            heard = Date.now();
            if (answerStatus(nc, m)) {
              // An idle heartbeat names the consumer's last delivery: one we never saw was lost.
              const told = Number(m.headers?.get('Nats-Last-Consumer') ?? NaN);
              if (told > delivered) replace();
              continue;
            }
            const { message, delivery } = readMessage(m);
            if (delivery !== delivered + 1) {
              replace();
              break;
            }
            delivered = delivery;
            if (message.seq <= last) continue;
            last = message.seq;
            yield message;
          }
          if (closed) return;
          const next = await reopen();
          if (!next) return;
          current = next;
          heard = Date.now();
          replacing = false;
        }
      } finally {
        stop();
      }
    },
  };
}

/** Answers a status message (flow control, a stalled heartbeat); true when `m` was one. */
function answerStatus(nc: NatsConnection, m: Msg): boolean {
  if (m.headers?.code !== 100) return false;
  if (m.reply) m.respond();
  const stalled = m.headers.get('Nats-Consumer-Stalled');
  if (stalled) nc.publish(stalled);
  return true;
}

/**
 * The delivery's reply subject is `$JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.
 * <consumer seq>.<time>.<pending>`; newer servers insert a domain and an account hash
 * after ACK and may append a token. As nats.js reads it: the nine-token form is padded to
 * the longer one, whose positions are then fixed.
 */
function readMessage(m: Msg): { message: ReadMessage; delivery: number } {
  const t = (m.reply ?? '').split('.');
  if (t.length === 9) t.splice(2, 0, '_', '');
  const num = (i: number) => {
    const n = Number(t[i]);
    return Number.isFinite(n) ? n : 0;
  };
  const message = {
    seq: num(7),
    subject: m.subject,
    data: m.data,
    pending: num(10),
    ...(m.headers ? { headers: m.headers } : {}),
  };
  return { message, delivery: num(8) };
}
