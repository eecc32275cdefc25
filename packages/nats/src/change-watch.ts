import { KvWatchInclude, type KV } from 'nats';

/** One write or removal of a key. `value`: what was written, only from a watch asked for values. */
export interface KeyChange {
  readonly key: string;
  readonly revision: number;
  readonly removed: boolean;
  readonly value?: Uint8Array;
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
 *
 * Headers only by default. With `values`, each write comes with what was written: a
 * reader that will need it soon (a new person's data key, a signal's content) is then
 * handed it by the delivery it receives anyway, instead of asking for it again.
 */
export class ChangeWatch {
  private ended = false;
  private stopWatch: (() => void) | undefined;

  private constructor() {}

  static async follow(
    kv: KV,
    onChange: (c: KeyChange) => void,
    o: { key?: string; values?: boolean; onEnd?: (err: unknown) => void } = {},
  ): Promise<ChangeWatch> {
    const w = new ChangeWatch();
    const values = o.values ?? false;
    const watch = await kv.watch({ key: o.key ?? '>', headers_only: !values, include: KvWatchInclude.UpdatesOnly });
    w.stopWatch = () => watch.stop();
    void (async () => {
      for await (const e of watch) {
        const removed = e.operation !== 'PUT';
        onChange({ key: e.key, revision: e.revision, removed, ...(values && !removed ? { value: e.value } : {}) });
      }
    })()
      .then(
        () => w.ended || o.onEnd?.(undefined), // a stop asked for is no news
        (err: unknown) => o.onEnd?.(err),
      )
      .finally(() => (w.ended = true));
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
