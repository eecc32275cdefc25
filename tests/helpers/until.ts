import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `ok` every 10 ms until it holds; throws after `ms` (bounded, like every test here). */
export async function until(ok: () => boolean, ms = 5_000): Promise<void> {
  for (const end = Date.now() + ms; !ok(); await sleep(10)) if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
}
