import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, type HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { stopChild } from './nats-process.js';

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** SIGTERM (drain), SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Node options every service runs with (docker-compose.yml passes the same). Under load
 * V8 lets the old generation grow up to whatever cap it has before it collects: consent
 * reached 437 MiB RSS over 100,000 signals uncapped, and with a 192 MiB cap its heap
 * total stood at 194 MiB while ~91–101 MiB were in use (RSS 292). The cap sets the peak;
 * it must stay well above the heap in use (consent at 1,000,000 signals: 97–126 MiB when
 * sampled, garbage included), or the service dies of an out-of-memory error.
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
  /** Told the child as soon as it exists, so a supervisor can stop one that is still starting. */
  onSpawn?: (child: ChildProcess) => void;
}): Promise<ServiceProcess> {
  mkdirSync(o.paths.logs, { recursive: true });
  const log = openSync(join(o.paths.logs, `${o.name}.log`), 'a');
  const child = fork(o.entry, [], {
    execArgv: [...process.execArgv, ...SERVICE_NODE_OPTIONS],
    stdio: ['ignore', log, log, 'ipc'],
    env: childEnv({
      ...o.env,
      SAMENHANG_HOME: o.paths.root,
      SAMENHANG_SERVERS: o.servers.join(','),
      SAMENHANG_INSTANCE: o.name,
    }),
  });
  closeSync(log);
  o.onSpawn?.(child);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running: nobody would stop it, and a later start would run beside it.
      child.kill('SIGKILL');
      reject(
        new SamenhangError(
          'ERR_INTERNAL',
          `${o.name} not ready within ${o.readyTimeoutMs ?? 30_000} ms; see ${o.paths.logs}/${o.name}.log`,
        ),
      );
    }, o.readyTimeoutMs ?? 30_000);
    child.on('message', (m) => {
      if ((m as { ready?: string }).ready) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new SamenhangError(
          'ERR_INTERNAL',
          `${o.name} exited with code ${code} during start-up; see ${o.paths.logs}/${o.name}.log`,
        ),
      );
    });
  });
  return {
    name: o.name,
    child,
    stop: (graceMs = 10_000) => stopChild(child, graceMs),
  };
}
