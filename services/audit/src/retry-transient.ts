import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientNatsError } from '@samenhang/stack';

/** Runs `f` again while NATS is briefly unavailable (a restarting server, an election), for up to ~30 s. */
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
