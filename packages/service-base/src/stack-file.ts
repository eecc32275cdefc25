import { readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';

/** Everything needed to (re)write one node's configuration. */
export interface NodeSpec {
  readonly name: string;
  readonly port: number;
  readonly monitorPort: number;
  readonly storeDir: string;
  readonly configFile: string;
  readonly logFile: string;
  readonly cluster?: { readonly name: string; readonly port: number; readonly routes: readonly string[] };
}

/**
 * `starting`: spawned, not ready yet; `running`: ready; `restarting`: exited unexpectedly,
 * restarted after its backoff; `stopped`: stopped on purpose; `down`: exited unexpectedly
 * and not restarted (supervision off).
 */
export type ServiceState = 'starting' | 'running' | 'restarting' | 'stopped' | 'down';

export interface ExitRecord {
  readonly code: number | null;
  readonly signal: string | null;
  readonly at: string;
  readonly upSeconds: number;
}

/** One service instance as its supervisor sees it (written to the home's stack.json for `samenhang health`). */
export interface ServiceStatus {
  readonly state: ServiceState;
  readonly pid?: number;
  /** Restarts after an unexpected exit since the stack started. */
  readonly restarts: number;
  /** When the instance entered its state. */
  readonly since: string;
  readonly lastExit?: ExitRecord;
  readonly nextRestartAt?: string;
  /** Why the last start failed (no personal data: a service's start-up error names files and codes). */
  readonly lastError?: string;
}

/** What client commands need to find the running stack of a home (docs/wire-contract.md). */
export interface StackInfo {
  readonly servers: readonly string[];
  readonly monitorUrls: readonly string[];
  readonly pid: number;
  readonly startedAt: string;
  /** The embedded nats-server node(s), so `certs --revoke` can rewrite their users and reload them. */
  readonly natsNodes: readonly { readonly pid: number; readonly spec: NodeSpec }[];
  /** Whether a service that exits unexpectedly is restarted (`samenhang up`: yes). */
  readonly supervised?: boolean;
  /** Each service instance's state as its supervisor sees it, rewritten on every change. */
  readonly services?: Readonly<Record<string, ServiceStatus>>;
}

/** Written whole and renamed into place: `samenhang health` may read it while a restart rewrites it. */
export function writeStackInfo(paths: HomePaths, info: StackInfo): void {
  const tmp = `${paths.stackFile}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(tmp, paths.stackFile);
}

export function removeStackInfo(paths: HomePaths): void {
  rmSync(paths.stackFile, { force: true });
}

export function readStackInfo(paths: HomePaths): StackInfo {
  try {
    return JSON.parse(readFileSync(paths.stackFile, 'utf8')) as StackInfo;
  } catch (cause) {
    throw new SamenhangError(
      'ERR_STACK_NOT_RUNNING',
      `no running stack in ${paths.root}; start one with 'npm start' or 'samenhang up'`,
      { cause },
    );
  }
}
