import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOG_FLUSH_MS } from '@samenhang/logging';
import { until } from './until.js';

/** Every service log file and its text, once what was logged before the call has been written. */
export async function serviceLogs(logs: string): Promise<[string, string][]> {
  await sleep(LOG_FLUSH_MS + 300); // services write their lines in blocks, at least every LOG_FLUSH_MS
  return readdirSync(logs).map((f) => [f, readFileSync(join(logs, f), 'latin1')]);
}

/** Waits until a service's log holds a line matching `pattern` (lines reach the file within LOG_FLUSH_MS). */
export async function untilLogged(
  logs: string,
  service: string,
  pattern: RegExp,
  ms = LOG_FLUSH_MS + 4_000,
): Promise<void> {
  const text = () => {
    try {
      return readFileSync(join(logs, `${service}.log`), 'utf8');
    } catch {
      return '';
    }
  };
  await until(() => pattern.test(text()), ms);
}
