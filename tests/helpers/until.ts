import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `ok` every 10 ms until it holds; throws after `ms` (bounded, like every test here). */
export async function until(ok: () => boolean, ms = 5_000): Promise<void> {
  for (const end = Date.now() + ms; !ok(); await sleep(10))
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
}

/** Awaits `ok` every 50 ms until it holds; throws naming `what` after `ms`. */
export async function waitUntil(what: string, ok: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !(await ok()); await sleep(50))
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${ms} ms)`);
}
