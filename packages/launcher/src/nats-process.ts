import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';

export interface NatsProcess {
  readonly url: string;
  readonly monitorUrl: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** SIGTERM, then SIGKILL after the grace period; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
  /** Re-reads the configuration (users, permissions) without dropping connections. */
  reload(): void;
}

/** Polls /healthz until JetStream is ready (a cluster needs a meta leader first). */
export async function waitHealthy(monitorUrl: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new SamenhangError('ERR_INTERNAL', `nats-server exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${monitorUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(25);
  }
  throw new SamenhangError('ERR_INTERNAL', `nats-server at ${monitorUrl} not healthy after ${timeoutMs} ms: ${last}`);
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** SIGTERM (graceful), SIGKILL after the grace period; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** Starts nats-server with a config file and waits until it is healthy. */
export async function startNatsProcess(options: {
  binary: string;
  configFile: string;
  config: string;
  port: number;
  monitorPort: number;
  logFile: string;
  readyTimeoutMs?: number;
  /** false: return once spawned (a cluster member is healthy only when a quorum runs). */
  waitReady?: boolean;
  /** Variables added to the inherited environment (natsRuntimeEnv). */
  env?: Readonly<Record<string, string>>;
}): Promise<NatsProcess> {
  mkdirSync(dirname(options.configFile), { recursive: true });
  mkdirSync(dirname(options.logFile), { recursive: true });
  writeFileSync(options.configFile, options.config, { mode: 0o600 });
  const log = openSync(options.logFile, 'a');
  const child = spawn(options.binary, ['-c', options.configFile], {
    stdio: ['ignore', log, log],
    env: childEnv(options.env),
  });
  closeSync(log);
  const monitorUrl = `http://127.0.0.1:${options.monitorPort}`;
  if (options.waitReady !== false) {
    try {
      await waitHealthy(monitorUrl, options.readyTimeoutMs ?? 15_000, child);
    } catch (e) {
      child.kill('SIGKILL');
      throw e;
    }
  }
  return {
    url: `tls://127.0.0.1:${options.port}`,
    monitorUrl,
    pid: child.pid!,
    child,
    reload: () => child.kill('SIGHUP'),
    stop: (graceMs = 10_000) => stopChild(child, graceMs),
  };
}
