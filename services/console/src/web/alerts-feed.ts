import type { NatsConnection } from 'nats';
import type { Logger } from '@samenhang/logging';
import { v1 } from '@samenhang/proto';
import { openFilteredReader } from '@samenhang/nats';
import { STREAMS } from '@samenhang/topology';

type Listener = (a: v1.HouseholdAlert, position: number) => void;

/**
 * The newest alert version of every family system per region, from the ALERTS
 * stream (a reader from the start), and live listeners per region.
 * Versions only grow: an older version arriving late never replaces a newer one.
 */
export class AlertsFeed {
  private readonly byRegion = new Map<string, Map<string, v1.HouseholdAlert>>();
  /**
   * Where each newest version came in: a page rendered at position P asks its live stream
   * for what came after P, so a version that arrives while the page loads is not lost.
   */
  private readonly positions = new WeakMap<v1.HouseholdAlert, number>();
  private seq = 0;
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopped = false;
  private stopConsume: (() => void) | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const reader = await openFilteredReader(this.nc, STREAMS.ALERTS, 'samenhang.alerts.*', { deliver: 'all' });
    this.stopConsume = () => void reader.close();
    void (async () => {
      for await (const m of reader) {
        try {
          const a = v1.HouseholdAlert.decode(m.data);
          // Filed under the region its subject names, which only the consent service may publish on.
          if (a.region === m.subject.split('.')[2]) this.accept(a);
          else this.log.warn({ seq: m.seq }, 'alert whose region differs from its subject skipped');
        } catch (e) {
          this.log.warn({ err: e, seq: m.seq }, 'unreadable alert skipped');
        }
      }
    })();
  }

  accept(a: v1.HouseholdAlert): void {
    const systems = this.byRegion.get(a.region) ?? new Map<string, v1.HouseholdAlert>();
    this.byRegion.set(a.region, systems);
    if ((systems.get(a.systemId)?.version ?? 0) >= a.version) return;
    systems.set(a.systemId, a);
    this.positions.set(a, ++this.seq);
    for (const l of this.listeners.get(a.region) ?? []) l(a, this.seq);
  }

  /** The position of the newest version accepted so far. */
  position(): number {
    return this.seq;
  }

  /** The newest versions of a region that came in after `position`, in the order they came. */
  after(region: string, position: number): { alert: v1.HouseholdAlert; position: number }[] {
    return [...(this.byRegion.get(region)?.values() ?? [])]
      .map((alert) => ({ alert, position: this.positions.get(alert) ?? 0 }))
      .filter((x) => x.position > position)
      .sort((a, b) => a.position - b.position);
  }

  /** Newest first. */
  current(region: string): v1.HouseholdAlert[] {
    return [...(this.byRegion.get(region)?.values() ?? [])].sort(
      (a, b) => Number(b.createdAt?.seconds ?? 0) - Number(a.createdAt?.seconds ?? 0),
    );
  }

  /** Calls `l` with every newer version of the region from now on (synchronously with `accept`). */
  listen(region: string, l: Listener): () => void {
    const set = this.listeners.get(region) ?? new Set<Listener>();
    this.listeners.set(region, set);
    set.add(l);
    return () => set.delete(l);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopConsume?.();
  }
}
