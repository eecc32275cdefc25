import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientNatsError } from './transient.js';

/**
 * Runs `f` again, every half second, while NATS is briefly unavailable (a server still
 * starting, a stream electing its leader: `isTransientNatsError`), up to `attempts` times
 * (~30 s by default). Any other error is thrown at once. For work that must wait for NATS
 * before it can start, e.g. a service's first reads.
 */
export async function retryTransient<T>(f: () => Promise<T>, attempts = 60): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (e) {
      if (i >= attempts || !isTransientNatsError(e)) throw e;
      await sleep(500);
    }
  }
}
