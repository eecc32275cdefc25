import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import { afterAll, beforeAll, expect } from 'vitest';
import { v1 } from '@samenhang/proto';
import { startTestStack, type TestStack } from '@samenhang/testkit';
import { openFilteredReader, requestPicture } from '@samenhang/nats';
import { STREAMS, subjects } from '@samenhang/topology';

/** Follows one region's alerts as that region's RVT identity would. */
export class AlertFollower {
  readonly alerts: v1.HouseholdAlert[] = [];
  private stop: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly region: string,
  ) {}

  static async open(rvt: NatsConnection, region: string): Promise<AlertFollower> {
    const f = new AlertFollower(rvt, region);
    const reader = await openFilteredReader(rvt, STREAMS.ALERTS, subjects.alerts(region), { deliver: 'all' });
    f.stop = () => void reader.close();
    f.loop = (async () => {
      for await (const m of reader) f.alerts.push(v1.HouseholdAlert.decode(m.data));
    })();
    return f;
  }

  async waitFor(
    what: string,
    predicate: (alerts: v1.HouseholdAlert[]) => boolean,
    timeoutMs = 20_000,
  ): Promise<v1.HouseholdAlert[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (predicate(this.alerts)) return this.alerts;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${what}; got ${this.alerts.length} alerts`);
  }

  /** The current picture of a notice's system, with content, as the RVT fetches it (a logged disclosure). */
  opened(notice: v1.HouseholdAlert = this.alerts.at(-1)!): Promise<v1.HouseholdAlert> {
    return requestPicture(this.nc, this.region, { systemId: notice.systemId });
  }

  async close(): Promise<void> {
    this.stop?.();
    await this.loop?.catch(() => undefined);
  }
}

export const signalIds = (a: v1.HouseholdAlert) => a.entries.map((e) => e.signalId).sort();

/**
 * For one describe block: a fresh test stack, and an RVT of `region` following its alerts.
 * The fields are set before the first test runs.
 */
export function stackWithAlerts(region = 'foodvalley'): { t: TestStack; alerts: AlertFollower } {
  const s = {} as { t: TestStack; alerts: AlertFollower };
  beforeAll(async () => {
    s.t = await startTestStack();
    s.alerts = await AlertFollower.open(await s.t.connect(`rvt-${region}`), region);
  });
  afterAll(async () => {
    await s.alerts?.close();
    await s.t?.close();
  });
  return s;
}

/** Publishes signals as `agency`, each expected accepted. */
export async function acceptedPublisher(
  t: TestStack,
  agency: string,
): Promise<(s: v1.Signal.$Properties) => Promise<void>> {
  const client = await t.client(agency);
  return async (s) =>
    expect((await client.publish(await client.sign(s))).status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
}
