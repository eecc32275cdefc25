import { availableParallelism } from 'node:os';
import type { Env } from '@samenhang/config';

/**
 * Go runtime settings for a nats-server this stack starts. On two cores or fewer, Go code
 * runs on one thread (GOMAXPROCS=1). The services share those cores, and a second Go
 * thread mostly hands messages from thread to thread, each hand-over waking a sleeping
 * thread. On the development VM a wake costs ~40–125 µs of CPU. With 500 ACUTE signals a
 * second, one Go thread cut nats-server's CPU by 10–24 % and lowered p99 in five pairs out
 * of five (docs/history/performance-rounds.md). A GOMAXPROCS the operator set is kept.
 */
export function natsRuntimeEnv(env: Env, cores = availableParallelism()): Readonly<Record<string, string>> {
  return env.GOMAXPROCS !== undefined || cores > 2 ? {} : { GOMAXPROCS: '1' };
}
