import { AckPolicy, DeliverPolicy, nanos, nuid, type Consumer, type NatsConnection } from 'nats';

export interface FilteredReader {
  readonly consumer: Consumer;
  readonly name: string;
  close(): Promise<void>;
}

/**
 * An ephemeral, unacknowledged consumer over one subject of a shared stream, made
 * with the API call whose subject carries the filter. An agency can therefore be
 * allowed `$JS.API.CONSUMER.CREATE.RECEIPTS.*.samenhang.receipts.<own id>` and no
 * stream-info or stream-names rights, which would reveal other agencies' traffic.
 */
export async function openFilteredReader(
  nc: NatsConnection,
  stream: string,
  filter: string,
  options: { deliver?: 'new' | 'all'; startTime?: Date } = {},
): Promise<FilteredReader> {
  // nats-server 2.9 may place a one-replica consumer of a replicated stream on a peer
  // that is down; its creation then times out. A new name is placed afresh: retry.
  const jsm = await nc.jetstreamManager({ checkAPI: false, timeout: 2000 });
  const deliver = options.startTime ? DeliverPolicy.StartTime : options.deliver === 'all' ? DeliverPolicy.All : DeliverPolicy.New;
  let name = '';
  for (let attempt = 1; ; attempt++) {
    name = `r${nuid.next()}`;
    try {
      await jsm.consumers.add(stream, {
        name,
        filter_subject: filter,
        ack_policy: AckPolicy.None,
        deliver_policy: deliver,
        ...(options.startTime ? { opt_start_time: options.startTime.toISOString() } : {}),
        inactive_threshold: nanos(30_000),
        mem_storage: true,
        num_replicas: 1,
      });
      break;
    } catch (e) {
      if (attempt >= 8 || !isTimeout(e)) throw e;
    }
  }
  const consumer = await nc.jetstream().consumers.get(stream, name);
  return {
    consumer,
    name,
    async close() {
      await jsm.consumers.delete(stream, name).catch(() => undefined);
    },
  };
}

function isTimeout(e: unknown): boolean {
  return (e as { code?: string }).code === 'TIMEOUT';
}
