import { AckPolicy, DeliverPolicy, nanos, nuid, type Consumer, type NatsConnection } from 'nats';
import { retryOnTimeout } from './retry-timeout.js';

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
  // A short timeout: a consumer placed on a dead cluster peer is retried under a new name.
  const jsm = await nc.jetstreamManager({ checkAPI: false, timeout: 2000 });
  const deliver = options.startTime ? DeliverPolicy.StartTime : options.deliver === 'all' ? DeliverPolicy.All : DeliverPolicy.New;
  const name = await retryOnTimeout(async () => {
    const fresh = `r${nuid.next()}`;
    await jsm.consumers.add(stream, {
      name: fresh,
      filter_subject: filter,
      ack_policy: AckPolicy.None,
      deliver_policy: deliver,
      ...(options.startTime ? { opt_start_time: options.startTime.toISOString() } : {}),
      inactive_threshold: nanos(30_000),
      mem_storage: true,
      num_replicas: 1,
    });
    return fresh;
  });
  const consumer = await nc.jetstream().consumers.get(stream, name);
  return {
    consumer,
    name,
    async close() {
      await jsm.consumers.delete(stream, name).catch(() => undefined);
    },
  };
}

