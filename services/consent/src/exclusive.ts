/**
 * Runs picture mutations one at a time in this process. Needed on a JetStream
 * cluster with nats-server < 2.9.21: there a compare-and-set on a replicated KV is
 * only a pre-check outside Raft, so two concurrent updates of one key can both
 * succeed (nats-server issue #4320). With a single writer nothing is concurrent.
 */
export type Exclusive = <T>(fn: () => Promise<T>) => Promise<T>;

export const concurrent: Exclusive = (fn) => fn();

export function sequential(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
