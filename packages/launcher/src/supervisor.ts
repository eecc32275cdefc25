import type { ChildProcess } from 'node:child_process';
import type { ExitRecord, ServiceState, ServiceStatus } from '@samenhang/service-base';
import { SamenhangError } from '@samenhang/errors';
import { stopChild } from './nats-process.js';
import type { ServiceProcess } from './service-process.js';

/**
 * How long a supervisor waits before restarting a service that exited unexpectedly:
 * `initialMs` after the first crash, doubling with each crash in a row up to `maxMs`. A
 * service that stayed up `resetAfterMs` starts again from `initialMs`, so one crash a
 * day is restarted at once, and one that cannot start is not restarted in a tight loop.
 */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly resetAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 15_000, resetAfterMs: 60_000 };

/** The wait before the restart that follows the `inARow`-th crash in a row (1-based). */
export function backoffDelay(b: Backoff, inARow: number): number {
  return Math.min(b.maxMs, b.initialMs * 2 ** Math.max(0, inARow - 1));
}

export type SupervisorEvent =
  | { readonly kind: 'exited'; readonly id: string; readonly exit: ExitRecord; readonly restartInMs?: number }
  | {
      readonly kind: 'restarted';
      readonly id: string;
      readonly pid: number;
      readonly restarts: number;
      readonly downMs: number;
    }
  | { readonly kind: 'restart-failed'; readonly id: string; readonly error: string; readonly restartInMs: number };

export interface SupervisorOptions {
  /** Restart an instance that exits unexpectedly (false: record it as `down`, as a test that kills one wants). */
  readonly restart: boolean;
  readonly backoff?: Backoff;
  readonly onEvent?: (e: SupervisorEvent) => void;
  /** Every change of any instance's status. */
  readonly onChange?: (status: Readonly<Record<string, ServiceStatus>>) => void;
}

/** Starts one process of an instance; `onSpawn` is told the child before it is ready. */
export type Spawn = (onSpawn: (child: ChildProcess) => void) => Promise<ServiceProcess>;

interface Slot {
  readonly id: string;
  spawn: Spawn;
  /** Whether the instance should run: false once stopped on purpose. */
  wanted: boolean;
  /** The newest process as handed out (its stop is the instance's) and as spawned. */
  proc?: ServiceProcess;
  raw?: ServiceProcess;
  upSince: number;
  /** A child spawned and not ready yet. */
  starting?: ChildProcess;
  state: ServiceState;
  since: number;
  restarts: number;
  inARow: number;
  lastExit?: ExitRecord;
  lastError?: string;
  timer?: NodeJS.Timeout;
  nextRestartAt?: number;
  /** Starts and stops of this instance, one at a time: never two processes of one instance. */
  queue: Promise<unknown>;
}

const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

/**
 * Keeps service instances running. Each instance (`id`) has at most one process. One
 * that exits while it should run is restarted after a backoff, until stopped on purpose;
 * `start` of an instance that runs or is waiting for its restart replaces it, so a caller
 * restarting a service itself never gets a second process beside the supervisor's.
 * `processes` holds each instance's newest process (alive or not).
 */
export class Supervisor {
  readonly processes = new Map<string, ServiceProcess>();
  private readonly slots = new Map<string, Slot>();
  /** Children asked to stop: their exits are expected. */
  private readonly asked = new WeakSet<ChildProcess>();
  private readonly exits = new WeakSet<ChildProcess>();
  private readonly backoff: Backoff;
  private closed = false;

  constructor(private readonly o: SupervisorOptions) {
    this.backoff = o.backoff ?? DEFAULT_BACKOFF;
  }

  /**
   * Starts instance `id` with `spawn` (which also serves its later restarts), first
   * stopping its running process if it has one; resolves once the new one is ready.
   */
  start(id: string, spawn: Spawn): Promise<ServiceProcess> {
    if (this.closed) return Promise.reject(new SamenhangError('ERR_INTERNAL', `${id}: the stack is stopping`));
    let slot = this.slots.get(id);
    if (!slot) {
      slot = {
        id,
        spawn,
        wanted: true,
        upSince: 0,
        state: 'starting',
        since: Date.now(),
        restarts: 0,
        inARow: 0,
        queue: Promise.resolve(),
      };
      this.slots.set(id, slot);
    }
    const s = slot;
    s.spawn = spawn;
    s.wanted = true;
    this.cancelRestart(s);
    return this.serial(s, async () => {
      if (s.raw && alive(s.raw.child)) {
        this.asked.add(s.raw.child);
        await s.raw.stop();
      }
      if (!s.wanted || this.closed) throw new SamenhangError('ERR_INTERNAL', `${id}: stopped before it started`);
      return this.launch(s);
    });
  }

  /** Stops one instance on purpose (no restart follows). */
  stopOne(id: string, graceMs?: number): Promise<void> {
    const s = this.slots.get(id);
    if (!s) return Promise.resolve();
    s.wanted = false;
    this.cancelRestart(s);
    if (s.starting) void stopChild(s.starting, graceMs ?? 10_000);
    return this.serial(s, async () => {
      if (s.raw && alive(s.raw.child)) {
        this.asked.add(s.raw.child);
        await s.raw.stop(graceMs);
      }
      if (s.state !== 'stopped') this.set(s, 'stopped');
    });
  }

  /** Stops every instance; nothing is restarted afterwards. */
  async stop(graceMs?: number): Promise<void> {
    this.closed = true;
    await Promise.all([...this.slots.keys()].map((id) => this.stopOne(id, graceMs)));
  }

  status(): Record<string, ServiceStatus> {
    const out: Record<string, ServiceStatus> = {};
    for (const s of this.slots.values()) {
      out[s.id] = {
        state: s.state,
        ...(s.raw && alive(s.raw.child) ? { pid: s.raw.child.pid! } : {}),
        restarts: s.restarts,
        since: new Date(s.since).toISOString(),
        ...(s.lastExit ? { lastExit: s.lastExit } : {}),
        ...(s.state === 'restarting' && s.nextRestartAt !== undefined
          ? { nextRestartAt: new Date(s.nextRestartAt).toISOString() }
          : {}),
        ...(s.lastError ? { lastError: s.lastError } : {}),
      };
    }
    return out;
  }

  private serial<T>(s: Slot, f: () => Promise<T>): Promise<T> {
    const run = s.queue.then(f, f);
    s.queue = run.catch(() => undefined);
    return run;
  }

  private set(s: Slot, state: ServiceState): void {
    s.state = state;
    s.since = Date.now();
    this.o.onChange?.(this.status());
  }

  private cancelRestart(s: Slot): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = undefined;
    s.nextRestartAt = undefined;
  }

  /** Spawns the instance's process and watches it; the caller holds the instance's queue. */
  private async launch(s: Slot): Promise<ServiceProcess> {
    this.set(s, 'starting');
    let proc: ServiceProcess;
    try {
      proc = await s.spawn((child) => (s.starting = child));
    } catch (e) {
      s.lastError = (e as Error).message;
      this.set(s, s.wanted && !this.closed ? 'down' : 'stopped');
      throw e;
    } finally {
      s.starting = undefined;
    }
    // Stopping the newest process stops the instance (on purpose: no restart follows).
    const wrapped: ServiceProcess = {
      name: proc.name,
      child: proc.child,
      stop: (graceMs) => (s.proc === wrapped ? this.stopOne(s.id, graceMs) : proc.stop(graceMs)),
    };
    s.proc = wrapped;
    s.raw = proc;
    s.lastError = undefined;
    s.upSince = Date.now();
    this.processes.set(s.id, wrapped);
    proc.child.once('exit', (code, signal) => this.exited(s, wrapped, code, signal));
    if (!s.wanted || this.closed) {
      // Stopped while it was starting: do not leave it running.
      this.asked.add(proc.child);
      await proc.stop();
      throw new SamenhangError('ERR_INTERNAL', `${s.id}: stopped while it started`);
    }
    // Exited before the listener was there (its exit event already went by): handled now.
    if (!alive(proc.child)) this.exited(s, wrapped, proc.child.exitCode, proc.child.signalCode);
    else this.set(s, 'running');
    return wrapped;
  }

  private exited(s: Slot, proc: ServiceProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (s.proc !== proc || this.exits.has(proc.child)) return; // an earlier process of this instance, or seen
    this.exits.add(proc.child);
    const now = Date.now();
    const exit: ExitRecord = {
      code,
      signal,
      at: new Date(now).toISOString(),
      upSeconds: Math.round((now - s.upSince) / 100) / 10,
    };
    if (this.asked.has(proc.child) || !s.wanted || this.closed) {
      this.set(s, 'stopped');
      return;
    }
    s.lastExit = exit;
    if (!this.o.restart) {
      this.o.onEvent?.({ kind: 'exited', id: s.id, exit });
      this.set(s, 'down');
      return;
    }
    if (now - s.upSince >= this.backoff.resetAfterMs) s.inARow = 0;
    const delay = this.scheduleRestart(s);
    this.o.onEvent?.({ kind: 'exited', id: s.id, exit, restartInMs: delay });
  }

  private scheduleRestart(s: Slot): number {
    s.inARow++;
    const delay = backoffDelay(this.backoff, s.inARow);
    s.nextRestartAt = Date.now() + delay;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void this.serial(s, () => this.restart(s)).catch(() => undefined);
    }, delay);
    this.set(s, 'restarting');
    return delay;
  }

  private async restart(s: Slot): Promise<void> {
    if (!s.wanted || this.closed || (s.raw && alive(s.raw.child))) return;
    s.nextRestartAt = undefined;
    try {
      const p = await this.launch(s);
      s.restarts++;
      this.o.onEvent?.({
        kind: 'restarted',
        id: s.id,
        pid: p.child.pid!,
        restarts: s.restarts,
        downMs: s.lastExit ? Date.now() - Date.parse(s.lastExit.at) : 0,
      });
      this.o.onChange?.(this.status());
    } catch (e) {
      if (!s.wanted || this.closed) return;
      const delay = this.scheduleRestart(s);
      this.o.onEvent?.({ kind: 'restart-failed', id: s.id, error: (e as Error).message, restartInMs: delay });
    }
  }
}

/** In a few words, why an instance that is not running is not, for `samenhang health`. */
export function describeStatus(st: ServiceStatus, now = Date.now()): string {
  const exit = st.lastExit
    ? `exited ${st.lastExit.signal ?? `with code ${st.lastExit.code}`} after ${st.lastExit.upSeconds} s up`
    : '';
  const restarts = st.restarts ? `, restarted ${st.restarts}×` : '';
  switch (st.state) {
    case 'running':
      return st.restarts && st.lastExit
        ? `running, restarted ${st.restarts}× (last ${exit} at ${st.lastExit.at})`
        : 'running';
    case 'starting':
      return exit ? `starting again (${exit}${restarts})` : 'starting';
    case 'restarting': {
      const next = st.nextRestartAt
        ? ` in ${Math.max(0, Math.round((Date.parse(st.nextRestartAt) - now) / 100) / 10)} s`
        : '';
      return `restarting${next} (${exit}${restarts}${st.lastError ? `; last start failed: ${st.lastError}` : ''})`;
    }
    case 'down':
      return `down (${exit || st.lastError || 'not running'}${restarts}; not supervised)`;
    case 'stopped':
      return 'stopped';
  }
}
