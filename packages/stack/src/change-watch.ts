import { KvWatchInclude, type KV } from 'nats';

/** One write or removal of a key, as a headers-only watch reports it (never a value). */
export interface KeyChange {
  readonly key: string;
  readonly revision: number;
  readonly removed: boolean;
}

/**
 * Every write and removal in a bucket (or under a key filter such as `person.>`) from
 * now on, headers only. What it is for: a value remembered while the watch follows can
 * stay remembered until the watch reports a change of its key, instead of being read
 * again every minute "in case". Data keys change only when a person is erased, and a
 * person's record only when an agency corrects it, so the reads saved are nearly all.
 *
 * `following` is false from the moment the watch ends (an error, or `stop`), and never
 * true again: changes after that are not seen, so what was remembered falls back to its
 * time limit.
 */
export class ChangeWatch {
  private ended = false;
  private stopWatch: (() => void) | undefined;

  private constructor() {}

  static async follow(kv: KV, onChange: (c: KeyChange) => void, o: { key?: string; onEnd?: (err: unknown) => void } = {}): Promise<ChangeWatch> {
    const w = new ChangeWatch();
    const watch = await kv.watch({ key: o.key ?? '>', headers_only: true, include: KvWatchInclude.UpdatesOnly });
    w.stopWatch = () => watch.stop();
    void (async () => {
      for await (const e of watch) onChange({ key: e.key, revision: e.revision, removed: e.operation !== 'PUT' });
    })().then(
      () => w.ended || o.onEnd?.(undefined), // a stop asked for is no news
      (err: unknown) => o.onEnd?.(err),
    ).finally(() => (w.ended = true));
    return w;
  }

  /** True while every change is being reported. */
  get following(): boolean {
    return !this.ended;
  }

  stop(): void {
    this.ended = true;
    this.stopWatch?.();
  }
}
