import { spawn as spawnChild, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { exited, stopChild } from '../src/nats-process.js';
import { Supervisor, backoffDelay, describeStatus, type Spawn, type SupervisorEvent } from '../src/supervisor.js';

const RUNS = "process.send({ ready: 'x' }); setInterval(() => {}, 1000); process.on('SIGTERM', () => process.exit(0));";

/** A stand-in service: a Node child that reports ready over IPC (or exits at once); counts its spawns. */
function fakeService(o: { failStart?: () => boolean } = {}): { spawn: Spawn; spawned: ChildProcess[] } {
  const spawned: ChildProcess[] = [];
  const spawn: Spawn = async (onSpawn) => {
    const child = spawnChild(process.execPath, ['-e', o.failStart?.() ? 'process.exit(3)' : RUNS], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    spawned.push(child);
    onSpawn(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`exited with code ${code} during start-up`)));
    });
    return { name: 'svc', child, stop: (graceMs = 2000) => stopChild(child, graceMs) };
  };
  return { spawn, spawned };
}

const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
const until = async (what: string, f: () => boolean, ms = 5000) => {
  for (const deadline = Date.now() + ms; !f(); await sleep(20))
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
};

const fast = { initialMs: 50, maxMs: 400, resetAfterMs: 60_000 };
let supervisors: Supervisor[] = [];
const supervisor = (o: Partial<ConstructorParameters<typeof Supervisor>[0]> = {}) => {
  const s = new Supervisor({ restart: true, backoff: fast, ...o });
  supervisors.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(supervisors.map((s) => s.stop(1000)));
  supervisors = [];
});

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const b = { initialMs: 500, maxMs: 15_000, resetAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => backoffDelay(b, n))).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000,
    ]);
  });
});

describe('Supervisor', () => {
  it('restarts an instance killed with SIGKILL, and says so', async () => {
    const events: SupervisorEvent[] = [];
    const sup = supervisor({ onEvent: (e) => events.push(e) });
    const svc = fakeService();
    const first = await sup.start('svc', svc.spawn);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(sup.status().svc).toMatchObject({
      state: 'restarting',
      restarts: 0,
      lastExit: { signal: 'SIGKILL', code: null },
    });
    expect(describeStatus(sup.status().svc!)).toMatch(/^restarting in [\d.]+ s \(exited SIGKILL after [\d.]+ s up\)$/);
    expect(describeStatus({ ...sup.status().svc!, state: 'starting' })).toMatch(
      /^starting again \(exited SIGKILL after [\d.]+ s up\)$/,
    );
    await until('restarted', () => sup.status().svc?.state === 'running');
    const second = sup.processes.get('svc')!;
    expect(second.child.pid).not.toBe(first.child.pid);
    expect(alive(second.child)).toBe(true);
    expect(sup.status().svc).toMatchObject({ state: 'running', restarts: 1, pid: second.child.pid });
    expect(events.map((e) => e.kind)).toEqual(['exited', 'restarted']);
    expect(events[0]).toMatchObject({ kind: 'exited', id: 'svc', restartInMs: 50 });
  });

  it('backs off further with each crash in a row', async () => {
    const events: SupervisorEvent[] = [];
    const sup = supervisor({ onEvent: (e) => events.push(e) });
    let fail = false;
    const svc = fakeService({ failStart: () => fail });
    const first = await sup.start('svc', svc.spawn);
    fail = true; // every restart fails from now on
    first.child.kill('SIGKILL');
    await until('three failed restarts', () => events.filter((e) => e.kind === 'restart-failed').length >= 3);
    const delays = events.map((e) => (e.kind === 'restart-failed' || e.kind === 'exited' ? e.restartInMs : undefined));
    expect(delays.slice(0, 4)).toEqual([50, 100, 200, 400]);
    expect(sup.status().svc).toMatchObject({ state: 'restarting', lastError: 'exited with code 3 during start-up' });
    fail = false;
    await until('running again', () => sup.status().svc?.state === 'running', 5000);
    expect(sup.status().svc!.restarts).toBe(1);
  });

  it('does not restart an instance stopped on purpose, through its process or the supervisor', async () => {
    const events: SupervisorEvent[] = [];
    const sup = supervisor({ onEvent: (e) => events.push(e) });
    const svc = fakeService();
    await (await sup.start('a', svc.spawn)).stop();
    await sup.start('b', svc.spawn);
    await sup.stopOne('b');
    await sleep(200); // four initial delays
    expect(sup.status()).toMatchObject({ a: { state: 'stopped' }, b: { state: 'stopped' } });
    expect(svc.spawned).toHaveLength(2);
    expect(events).toEqual([]);
  });

  it('never runs two processes of one instance when a caller restarts it itself', async () => {
    const sup = supervisor({ backoff: { ...fast, initialMs: 300 } });
    const svc = fakeService();
    const first = await sup.start('svc', svc.spawn);
    first.child.kill('SIGKILL');
    await exited(first.child);
    // The caller restarts it before the supervisor's restart is due: that one is cancelled.
    const mine = await sup.start('svc', svc.spawn);
    await sleep(500);
    expect(svc.spawned).toHaveLength(2);
    expect(sup.processes.get('svc')).toBe(mine);
    // Started again while running: the running process is stopped first.
    const again = await sup.start('svc', svc.spawn);
    expect(alive(mine.child)).toBe(false);
    expect(svc.spawned.filter(alive)).toEqual([again.child]);
    expect(sup.status().svc).toMatchObject({ state: 'running', restarts: 0 });
  });

  it('with restarts off, records the exit as down until started again', async () => {
    const events: SupervisorEvent[] = [];
    const sup = supervisor({ restart: false, onEvent: (e) => events.push(e) });
    const svc = fakeService();
    const first = await sup.start('svc', svc.spawn);
    first.child.kill('SIGKILL');
    await exited(first.child);
    await sleep(200);
    expect(svc.spawned).toHaveLength(1);
    expect(sup.status().svc).toMatchObject({ state: 'down', lastExit: { signal: 'SIGKILL' } });
    expect(describeStatus(sup.status().svc!)).toMatch(/^down \(exited SIGKILL .*not supervised\)$/);
    expect(events).toEqual([{ kind: 'exited', id: 'svc', exit: expect.objectContaining({ signal: 'SIGKILL' }) }]);
    await sup.start('svc', svc.spawn);
    expect(sup.status().svc!.state).toBe('running');
  });

  it('stop() stops everything, also an instance waiting for its restart, and restarts nothing after', async () => {
    const sup = supervisor({ backoff: { ...fast, initialMs: 200 } });
    const svc = fakeService();
    const a = await sup.start('a', svc.spawn);
    await sup.start('b', svc.spawn);
    a.child.kill('SIGKILL');
    await exited(a.child);
    await sup.stop();
    await sleep(400);
    expect(svc.spawned.filter(alive)).toEqual([]);
    expect(svc.spawned).toHaveLength(2);
    expect(sup.status()).toMatchObject({ a: { state: 'stopped' }, b: { state: 'stopped' } });
    await expect(sup.start('a', svc.spawn)).rejects.toThrow(/stopping/);
  });
});
