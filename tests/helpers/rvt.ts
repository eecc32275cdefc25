import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import { v1 } from '@samenhang/proto';
import { STREAMS, openFilteredReader, subjects } from '@samenhang/stack';

/** Follows one region's alerts as that region's RVT identity would. */
export class AlertFollower {
  readonly alerts: v1.HouseholdAlert[] = [];
  private stop: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  static async open(rvt: NatsConnection, region: string): Promise<AlertFollower> {
    const f = new AlertFollower();
    const reader = await openFilteredReader(rvt, STREAMS.ALERTS, subjects.alerts(region), { deliver: 'all' });
    const messages = await reader.consumer.consume();
    f.stop = () => messages.stop();
    f.loop = (async () => {
      for await (const m of messages) f.alerts.push(v1.HouseholdAlert.decode(m.data));
    })();
    return f;
  }

  async waitFor(what: string, predicate: (alerts: v1.HouseholdAlert[]) => boolean, timeoutMs = 20_000): Promise<v1.HouseholdAlert[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (predicate(this.alerts)) return this.alerts;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${what}; got ${this.alerts.length} alerts`);
  }

  async close(): Promise<void> {
    this.stop?.();
    await this.loop?.catch(() => undefined);
  }
}

export const signalIds = (a: v1.HouseholdAlert) => a.entries.map((e) => e.signalId).sort();
