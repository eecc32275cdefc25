import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NODE_OPTIONS } from '@samenhang/launcher';
import { DEFAULT_POLICY_FILE } from '@samenhang/policy';
import { startTestStack, type TestStack, consumerIdle } from '@samenhang/testkit';
import { childRunning } from './helpers/children.js';
import { loadScenario } from './helpers/scenario.js';
import { waitUntil } from './helpers/until.js';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const run = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

describe('samenhang command', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => t?.close());

  it('health lists every service instance as ready and exits 0', async () => {
    const r = await run(['health', '--home', t.paths.root, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ready).toBe(true);
    expect(report.instances.map((i: { instance: string; ready: boolean }) => [i.instance, i.ready])).toEqual([
      ['audit', true],
      ['broker-gateway', true],
      ['consent', true],
    ]);
    expect(report.instances[0].checks).toEqual({
      nats: 'ok',
      consumer: 'ok',
      log: 'ok',
      checkpoint: 'ok',
      lifecycle: 'ok',
    });
  });

  it('publish prints one receipt per signal and exits 0 when all are accepted', async () => {
    const base = loadScenario<{ base: Record<string, unknown> }>('bad-inputs').base;
    const file = join(t.paths.root, 'ok.json');
    writeFileSync(
      file,
      JSON.stringify([
        { ...base, signalId: 'cli-1' },
        { ...base, signalId: 'cli-2' },
      ]),
    );
    const r = await run(['publish', '--home', t.paths.root, '--agency', 'lokaalteam-ede', '--file', file, '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.signalId, l.status])).toEqual([
      ['cli-1', 'ACCEPTED'],
      ['cli-2', 'ACCEPTED'],
    ]);
  });

  it('publish exits 1 when any signal is rejected, printing its code', async () => {
    const base = loadScenario<{ base: Record<string, unknown> }>('bad-inputs').base;
    const file = join(t.paths.root, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...base, signalId: 'cli-3', subject: { bsn: '999990008', name: 'B. Vos' } }));
    const r = await run(['publish', '--home', t.paths.root, '--agency', 'lokaalteam-ede', '--file', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/REJECTED\s+cli-3\s+ERR_BSN_INVALID/);
  });

  it('publish refuses malformed JSON input before sending, with the path', async () => {
    const file = join(t.paths.root, 'typo.json');
    writeFileSync(file, JSON.stringify({ signalId: 'x', categroy: 'DEBT' }));
    const r = await run(['publish', '--home', t.paths.root, '--agency', 'lokaalteam-ede', '--file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ERR_INPUT_INVALID: /categroy is not a known field');
  });

  it("alerts --rvt prints the region's alerts as JSON lines, and picture answers for a household", async () => {
    const acute = loadScenario<{ steps: { signal: Record<string, unknown> }[] }>('acute').steps[0]!.signal;
    const file = join(t.paths.root, 'acute.json');
    writeFileSync(file, JSON.stringify(acute));
    expect(
      (await run(['publish', '--home', t.paths.root, '--agency', 'politie-oost-nederland', '--file', file])).code,
    ).toBe(0);
    let lines: any[] = [];
    for (let i = 0; i < 20 && lines.length === 0; i++) {
      const r = await run(['alerts', '--home', t.paths.root, '--rvt', 'twente', '--once']);
      lines = r.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    }
    expect(lines[0]).toMatchObject({
      region: 'twente',
      version: 1,
      entries: [{ signalId: 'p-9001', shownAs: 'DISCLOSE', why: { rule: 'R6' } }],
    });
    expect(lines[0].entries[0].obligations[0]).toMatch(/^HUMAN_REVIEW_24H due /);
    // The line is the notice opened: its content was fetched; the notice itself carries none.
    expect(lines[0].entries[0].subject.name).toBe('D. Kuipers');
    const notices = await run(['alerts', '--home', t.paths.root, '--rvt', 'twente', '--once', '--notices']);
    const notice = JSON.parse(notices.stdout.trim().split('\n')[0]!);
    expect(notice.entries[0]).toMatchObject({ signalId: 'p-9001', shownAs: 'DISCLOSE' });
    expect([notice.entries[0].subject, notice.entries[0].summary, notice.entries[0].contact]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const other = await run(['alerts', '--home', t.paths.root, '--rvt', 'flevoland', '--once']);
    expect(other.stdout.trim()).toBe('');
    const picture = await run(['picture', '--home', t.paths.root, '--rvt', 'twente', '--household', '7511JK', '8']);
    expect(picture.code).toBe(0);
    expect(JSON.parse(picture.stdout).entries[0].subject.name).toBe('D. Kuipers');
    const none = await run(['picture', '--home', t.paths.root, '--rvt', 'twente', '--household', '7511JK', '9']);
    expect(none.code).toBe(1);
  });

  it('exits 2 on a usage error and on an unknown command', async () => {
    expect((await run(['publish', '--home', t.paths.root])).code).toBe(2);
    expect((await run(['fly'])).code).toBe(2);
    expect((await run(['up', '--bogus'])).code).toBe(2);
  });

  it('says when no stack runs for a home', async () => {
    const r = await run([
      'publish',
      '--home',
      join(t.paths.root, 'elsewhere'),
      '--agency',
      'lokaalteam-ede',
      '--file',
      '/dev/null',
    ]);
    expect(r.code).toBe(1);
  });

  it('doctor reports nats-server and the build as present', async () => {
    const r = await run(['doctor', '--json', '--home', t.paths.root]);
    const report = JSON.parse(r.stdout);
    expect(report.checks.find((c: { name: string }) => c.name === 'nats-server').ok).toBe(true);
    expect(report.checks.find((c: { name: string }) => c.name === 'build').ok).toBe(true);
    expect(r.code).toBe(0);
  });

  it('doctor names a missing nats-server and the command that installs it, and exits 1', async () => {
    const r = await promisify(execFile)('node', [BIN, 'doctor', '--home', t.paths.root], {
      env: { ...process.env, SAMENHANG_NATS_SERVER: '/nonexistent/nats-server' },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL nats-server\s+not found/);
    expect(r.stdout).toContain('fix: sudo apt-get update && sudo apt-get install -y nats-server');
  });

  /** The capped child `parent` started, once it runs (undefined if `parent` ended without one). */
  const childOf = async (parent: ChildProcess) => {
    for (;;) {
      const done = parent.exitCode !== null || parent.signalCode !== null;
      const child = childRunning(parent.pid!, (args) => args.includes(SERVICE_NODE_OPTIONS[0]));
      if (child) return child;
      if (done) return undefined;
      await sleep(5);
    }
  };

  it("stats and the audit commands run in a child under the services' heap cap, and answer as before", async () => {
    // Without a cap V8 lets an index build's garbage take the process past 300 MiB.
    for (const [args, answered] of [
      [['stats', '--json'], (out: string) => Array.isArray(JSON.parse(out).rows)],
      [['audit', 'decisions', '--signal', 'cli-1', '--json'], (out: string) => out.includes('"signalId":"cli-1"')],
    ] as const) {
      const parent = spawn('node', [BIN, ...args, '--home', t.paths.root]);
      let stdout = '';
      parent.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => parent.once('exit', resolve));
      const child = await childOf(parent);
      expect(await exited).toBe(0);
      expect(child?.args).toEqual(expect.arrayContaining([...SERVICE_NODE_OPTIONS, BIN, ...args]));
      expect(answered(stdout)).toBe(true);
    }
    // A stop asked of the command alone (a supervisor's SIGTERM) stops the child too.
    const parent = spawn('node', [BIN, 'stats', '--home', t.paths.root]);
    let childPid = 0;
    const exited = new Promise<{ code: number | string | null; childGone: boolean }>((resolve) =>
      parent.once('exit', (code, signal) =>
        resolve({ code: code ?? signal, childGone: !existsSync(`/proc/${childPid}`) }),
      ),
    );
    const child = await childOf(parent);
    expect(child).toBeDefined();
    childPid = child!.pid;
    parent.kill('SIGTERM');
    const { code, childGone } = await exited;
    await waitUntil('the child gone', () => !existsSync(`/proc/${child!.pid}`), 5_000);
    // Stopped by the signal passed on (143); or the child was done just before it arrived (0),
    // or so shortly before that the parent, no longer passing it on, was ended by it: then
    // the child was gone already (had the parent not passed it on, the child would run on).
    expect([0, 128 + 15, 'SIGTERM']).toContain(code);
    if (code === 'SIGTERM') expect(childGone).toBe(true);
  });

  it('replay re-decides stored signals under a policy and a date, and writes nothing', async () => {
    const admin = await t.connect('broker-admin');
    await consumerIdle(admin, 'SIGNALS', 'consent');
    const jsm = await admin.jetstreamManager();
    // The audit service signs a checkpoint a few seconds after its last record: wait until
    // the log ends with one, so nothing but replay could change AUDIT from here on.
    await consumerIdle(admin, 'AUDIT', 'audit');
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
      const last = (await jsm.streams.info('AUDIT')).state.last_seq;
      if ((await jsm.streams.getMessage('AUDIT', { seq: last })).subject === 'samenhang.audit.checkpoints') break;
    }
    const state = async () =>
      Promise.all(
        ['AUDIT', 'ALERTS', 'KV_PICTURES', 'SIGNALS'].map(async (s) => (await jsm.streams.info(s)).state.last_seq),
      );
    const before = await state();
    const same = await run(['replay', '--home', t.paths.root, '--policy', DEFAULT_POLICY_FILE, '--json']);
    expect(same.code, same.stderr).toBe(0);
    const a = JSON.parse(same.stdout);
    expect(a.evaluated).toBeGreaterThanOrEqual(2); // the signals published above
    expect(a).toMatchObject({ changed: 0, byChange: {}, alerts: {} });
    // Far in the future every signal is past its retention: each would become R14 DENY.
    const later = JSON.parse(
      (
        await run([
          'replay',
          '--home',
          t.paths.root,
          '--policy',
          DEFAULT_POLICY_FILE,
          '--as-of',
          '2100-01-01',
          '--json',
        ])
      ).stdout,
    );
    expect(later.changed).toBe(later.evaluated);
    // Denied, the RVT would see none of what it saw: the fields removed are named with the change.
    expect(Object.keys(later.byChange).every((k) => /→ R14 DENY \(−/.test(k))).toBe(true);
    expect(later.changes.map((c: { signalId: string }) => c.signalId)).toContain('cli-1');
    expect(await state()).toEqual(before); // no record, alert, picture or signal written
    expect(
      (await run(['replay', '--home', t.paths.root, '--policy', DEFAULT_POLICY_FILE, '--as-of', 'someday'])).code,
    ).toBe(2);
  });
});
