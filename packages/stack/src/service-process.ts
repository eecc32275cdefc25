import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { stopChild } from './nats-process.js';

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** SIGTERM (drain), SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Node options every service runs with (docker-compose.yml passes the same). Their live
 * heap stays under ~105 MiB (consent at 1,000,000 signals), but under load V8 lets the
 * old generation grow up to whatever cap it has before it collects (437 MiB RSS for
 * consent over 100,000 signals uncapped; with 192 its heap stood at 194 MiB holding 91
 * MiB live, RSS 292). The cap keeps each service within its 300 MiB budget.
 */
export const SERVICE_NODE_OPTIONS = ['--max-old-space-size=160'] as const;

/**
 * Starts one service as a child Node process with its logs in the home's logs
 * folder, and resolves once it reports ready over IPC (it accepts traffic then).
 */
export async function spawnService(o: {
  name: string;
  entry: string;
  paths: HomePaths;
  servers: readonly string[];
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<ServiceProcess> {
  mkdirSync(o.paths.logs, { recursive: true });
  const log = openSync(join(o.paths.logs, `${o.name}.log`), 'a');
  const child = fork(o.entry, [], {
    execArgv: [...process.execArgv, ...SERVICE_NODE_OPTIONS],
    stdio: ['ignore', log, log, 'ipc'],
    env: { ...process.env, ...o.env, SAMENHANG_HOME: o.paths.root, SAMENHANG_SERVERS: o.servers.join(','), SAMENHANG_INSTANCE: o.name },
  });
  closeSync(log);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SamenhangError('ERR_INTERNAL', `${o.name} not ready within ${o.readyTimeoutMs ?? 30_000} ms; see ${o.paths.logs}/${o.name}.log`)), o.readyTimeoutMs ?? 30_000);
    child.on('message', (m) => {
      if ((m as { ready?: string }).ready) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new SamenhangError('ERR_INTERNAL', `${o.name} exited with code ${code} during start-up; see ${o.paths.logs}/${o.name}.log`));
    });
  });
  return {
    name: o.name,
    child,
    stop: (graceMs = 10_000) => stopChild(child, graceMs),
  };
}
