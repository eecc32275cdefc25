import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import { describe, expect, it } from 'vitest';
import { envelopeSha256 } from '@samenhang/envelope';
import {
  publishSigned,
  signWorkload,
  stackHealth,
  syntheticWorkload,
  WORKLOAD_AGENCIES,
  consumerIdle,
  readStream,
  streamCount,
  startTestStack,
  type TestStack,
} from '@samenhang/testkit';
import { v1 } from '@samenhang/proto';
import { CORE_SERVICES, describeStatus, exited } from '@samenhang/launcher';
import { readStackInfo } from '@samenhang/service-base';
import { auditOutcome, consentSettled } from './helpers/outcome.js';
import { waitUntil } from './helpers/until.js';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const cli = (args: string[]) =>
  promisify(execFile)('node', [BIN, ...args], { timeout: 30_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

// 200 family systems × 10 signals from five agencies.
const items = syntheticWorkload({ systems: 200 });
const N = items.length;
/** Each service is killed once its consumer has acknowledged this many more messages than at the previous kill. */
const CONSUMERS: Record<string, [stream: string, consumer: string]> = {
  'broker-gateway': ['INGRESS', 'broker-gateway'],
  consent: ['SIGNALS', 'consent'],
  audit: ['AUDIT', 'audit'],
};

const pidsOf = (t: TestStack): Record<string, number | undefined> => ({
  nats: t.stack.nats.child.pid,
  ...Object.fromEntries([...t.stack.services].map(([id, s]) => [id, s.child.pid])),
});
const alive = (pid: number | undefined) => {
  try {
    process.kill(pid!, 0);
    return true;
  } catch {
    return false;
  }
};

async function ackFloor(admin: NatsConnection, service: string): Promise<number> {
  const [stream, consumer] = CONSUMERS[service]!;
  return (await (await admin.jetstreamManager()).consumers.info(stream, consumer)).ack_floor.stream_seq;
}

describe('supervised stack (samenhang up): kill -9 of each core service under a 2,000-signal load', () => {
  it('restarts each within seconds while nats and the others run on; every signal decided once; the log verifies', async () => {
    const t = await startTestStack({ supervise: true });
    try {
      const admin = await t.connect('broker-admin', { reconnect: true });
      const signed = await signWorkload(t.paths, items);
      const conns = new Map<string, NatsConnection>();
      for (const a of Object.keys(WORKLOAD_AGENCIES)) conns.set(a, await t.connect(a, { reconnect: true }));
      const atStart = pidsOf(t);
      expect(Object.keys(atStart).sort()).toEqual(['audit', 'broker-gateway', 'consent', 'nats']);

      // Paced at ~100 signals/s, so the load lasts the three kills and restarts.
      let published = 0;
      const publishing = (async () => {
        for (let i = 0; i < N; i += 100) {
          const next = sleep(1000);
          await publishSigned(conns, signed.slice(i, i + 100));
          published = i + 100;
          await next;
        }
      })();

      const back: Record<string, number> = {};
      let floors: Record<string, number> = { 'broker-gateway': 0, consent: 0, audit: 0 };
      for (const service of CORE_SERVICES) {
        const from = floors[service]!;
        await waitUntil(`${service} busy`, async () => (await ackFloor(admin, service)) >= from + 100, 30_000);
        expect(published, `${service} killed while agencies still publish`).toBeLessThan(N);
        const before = pidsOf(t);
        const victim = t.stack.services.get(service)!;
        const killedAt = Date.now();
        process.kill(victim.child.pid!, 'SIGKILL'); // as `kill -9 <pid>` from a shell
        await exited(victim.child);

        // Down, and why, for `samenhang health`.
        const status = readStackInfo(t.paths).services![service]!;
        expect(status).toMatchObject({ state: 'restarting', lastExit: { signal: 'SIGKILL', code: null } });
        expect(describeStatus(status)).toMatch(/^restarting in [\d.]+ s \(exited SIGKILL after [\d.]+ s up/);

        await waitUntil(
          `${service} ready again`,
          async () => {
            const h = await stackHealth(t.paths);
            return (
              h.ready &&
              h.instances.some((r) => r.instance === service && r.ready) &&
              h.supervision[service]?.state === 'running'
            );
          },
          30_000,
        );
        // Back: from the kill until the new process reported ready (it takes traffic from then on).
        back[service] = (Date.parse(readStackInfo(t.paths).services![service]!.since) - killedAt) / 1000;
        const now = pidsOf(t);
        expect(now[service]).not.toBe(before[service]);
        expect(alive(now[service])).toBe(true);
        // The stack never stopped: nats and every other service are the same processes.
        for (const [id, pid] of Object.entries(before)) if (id !== service) expect([id, now[id]]).toEqual([id, pid]);
        expect(readStackInfo(t.paths).services![service]).toMatchObject({
          state: 'running',
          restarts: 1,
          pid: now[service],
        });
        floors = Object.fromEntries(
          await Promise.all(CORE_SERVICES.map(async (s) => [s, await ackFloor(admin, s)] as const)),
        );
      }
      console.log(`back after kill -9 (s): ${JSON.stringify(back)}`);
      for (const s of CORE_SERVICES) expect(back[s], s).toBeLessThan(10);
      await publishing;

      await waitUntil('a receipt for every envelope', async () => (await streamCount(admin, 'RECEIPTS')) >= N, 60_000);
      await consentSettled(admin, N, 60_000);
      const receipts = (await readStream(admin, 'RECEIPTS')).map((m) => v1.Receipt.decode(m.data));
      const accepted = new Set(
        receipts.filter((r) => r.status === v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED).map((r) => r.envelopeSha256),
      );
      expect(receipts).toHaveLength(N); // one receipt per envelope: the gateway's restart answered none twice
      expect(signed.filter((s) => !accepted.has(envelopeSha256(s.envelope)))).toEqual([]);

      // Every accepted signal decided exactly once, read from AUDIT as the privacy officer; the log verifies.
      await consumerIdle(admin, 'AUDIT', 'audit', 60_000);
      const audit = await auditOutcome(t.paths, N);
      expect(audit.report, JSON.stringify(audit.report.problem)).toMatchObject({ ok: true, uncovered: 0 });
      expect(audit.decisions.size).toBe(N);
      expect([...audit.decisions].filter(([, n]) => n !== 1)).toEqual([]);

      // The stack still runs as it started, but for the three restarted services.
      const end = pidsOf(t);
      expect(end.nats).toBe(atStart.nats);
      expect(alive(end.nats)).toBe(true);
      for (const s of CORE_SERVICES) expect(end[s]).not.toBe(atStart[s]);

      // `samenhang health` (another process, as an operator runs it): ready, with the restarts shown.
      const h = await cli(['health', '--home', t.paths.root, '--json']);
      expect(h.code, h.stderr).toBe(0);
      const report = JSON.parse(h.stdout);
      for (const s of CORE_SERVICES)
        expect(report.supervision[s]).toMatchObject({ state: 'running', restarts: 1, lastExit: { signal: 'SIGKILL' } });
      const text = await cli(['health', '--home', t.paths.root]);
      expect(text.stdout).toMatch(
        /^ready +consent +up \d+s +\(running, restarted 1× \(last exited SIGKILL after [\d.]+ s up at .*\)\)$/m,
      );

      // Each crash and restart is in the stack's log, without personal data (pids, codes, signals).
      const logged = readFileSync(join(t.paths.logs, 'stack.log'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string; instance?: string });
      for (const s of CORE_SERVICES) {
        expect(logged.filter((l) => l.instance === s).map((l) => l.msg.replace(/[\d.]+ s/, 'N s'))).toEqual([
          `${s} exited unexpectedly; restarting in N s`,
          `${s} restarted, ready N s after it exited`,
        ]);
      }
    } finally {
      await t.close();
    }
  }, 150_000);

  it('samenhang health names a service waiting for its restart as not ready, with why', async () => {
    // A long first delay keeps the gateway down while health is asked.
    const t = await startTestStack({
      supervise: true,
      backoff: { initialMs: 8000, maxMs: 15_000, resetAfterMs: 60_000 },
    });
    try {
      const gateway = t.stack.services.get('broker-gateway')!;
      gateway.child.kill('SIGKILL');
      await exited(gateway.child);
      const down = await cli(['health', '--home', t.paths.root]);
      expect(down.code).toBe(1);
      expect(down.stdout).toMatch(
        /^NOT READY +broker-gateway +restarting in [\d.]+ s \(exited SIGKILL after [\d.]+ s up\)$/m,
      );
      expect(down.stdout).toMatch(/^NOT READY +broker-gateway: no ready instance$/m);
      expect(down.stdout).toMatch(/^ready +consent /m);
      const json = JSON.parse((await cli(['health', '--home', t.paths.root, '--json'])).stdout);
      expect(json).toMatchObject({
        ready: false,
        notReady: ['broker-gateway'],
        // Still waiting, or (on a busy machine, after the wait) on its way up: not ready either way.
        supervision: { 'broker-gateway': { state: expect.stringMatching(/^(restarting|starting)$/), restarts: 0 } },
      });
      expect(json.reasons['broker-gateway']).toMatch(/^broker-gateway (restarting in|starting again)/);
      await waitUntil('the gateway back', async () => (await stackHealth(t.paths)).ready, 20_000);
      expect((await cli(['health', '--home', t.paths.root])).code).toBe(0);
    } finally {
      await t.close();
    }
  }, 60_000);
});
