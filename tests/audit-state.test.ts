import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { verifyLog } from '@samenhang/audit-log';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { readAll, type HealthReport } from '@samenhang/nats';
import { AUDIT_CONSUMER, BUCKETS, STREAMS } from '@samenhang/topology';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { stackPerSuite } from '@samenhang/testkit';

/**
 * The audit service's state is its only memory of what it appended. Overwritten (by
 * someone with KV rights) or left ahead of a rolled-back stream, it must stop appending and
 * say so, instead of acknowledging records that never reach the log.
 */
const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;

describe('the audit service against its own state', () => {
  const s = stackPerSuite({ serviceEnv: { SAMENHANG_CHECKPOINT_MS: '300' } });
  const health = async () =>
    JSON.parse(
      Buffer.from(
        (await s.admin.request('samenhang.health.audit', new Uint8Array(), { timeout: 5000 })).data,
      ).toString(),
    ) as HealthReport;
  /** Its report, or (while it restarts: no responder yet) a report of not ready. */
  const report = async (): Promise<HealthReport> =>
    health().catch(() => ({ ready: false, checks: { audit: 'no answer' } }) as unknown as HealthReport);
  const until = async (what: string, ok: (h: HealthReport) => boolean) => {
    let h = await report();
    for (const deadline = Date.now() + 15_000; !ok(h) && Date.now() < deadline; await sleep(200)) h = await report();
    expect(ok(h), `${what}: ${JSON.stringify(h.checks)}`).toBe(true);
    return h;
  };
  const publish = async (id: string) => {
    const police = await s.t.client('politie-oost-nederland');
    const r = await police.publish(
      await police.sign(signalFromJson({ ...stepSignal(acute, Date.now()), signalId: id })),
    );
    expect(r.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
  };
  const stateKv = () => s.admin.jetstream().views.kv(BUCKETS.AUDIT_STATE);
  const unacknowledged = async () => {
    const i = await (await s.admin.jetstreamManager()).consumers.info(STREAMS.AUDIT, AUDIT_CONSUMER);
    return i.num_pending + i.num_ack_pending;
  };

  it('stops appending, and is not ready, when its state claims records the stream does not hold', async () => {
    await publish('p-state-1');
    await until('ready after the first records', (h) => h.ready);
    const kv = await stateKv();
    for (
      const deadline = Date.now() + 15_000;
      ((await kv.get('log')) === null || (await unacknowledged()) > 0) && Date.now() < deadline;
    )
      await sleep(100);
    const good = (await kv.get('log'))!.value;
    const state = JSON.parse(Buffer.from(good).toString());
    // What an overwrite to a later sequence (or a stream rolled back under the state) looks like.
    await kv.put('log', JSON.stringify({ ...state, lastSeq: state.lastSeq + 1000 }));
    // Its log check must say so (on a busy machine an overdue checkpoint can make it not ready first).
    const h = await until('not ready, the log stopped', (x) => !x.ready && x.checks.log !== 'ok');
    expect(h.checks.log).toMatch(/^stopped: the AUDIT stream has no message at sequence/);
    // New records are not acknowledged as if appended.
    await publish('p-state-2');
    await sleep(1500);
    expect(await unacknowledged()).toBeGreaterThan(0);

    // Put right by the operator (the good state back) and restarted: every record is appended once.
    await kv.put('log', good);
    await s.t.stack.services.get('audit')!.stop();
    await s.t.stack.startService('audit');
    await until('ready again', (x) => x.ready);
    const po = await s.t.connect('privacy-officer');
    const trust = { ca: new X509Certificate(readFileSync(s.t.paths.caCert)), trustDomain: 'samenhang.dev' };
    let report = await verifyLog(await readAll(po, STREAMS.AUDIT, 'samenhang.audit.>'), trust, null);
    for (
      const deadline = Date.now() + 15_000;
      !(report.ok && report.uncovered === 0) && Date.now() < deadline;
      await sleep(200)
    ) {
      report = await verifyLog(await readAll(po, STREAMS.AUDIT, 'samenhang.audit.>'), trust, null);
    }
    expect(report).toMatchObject({ ok: true, uncovered: 0 });
    // Everything acknowledged once appended (its own newest checkpoint may be in flight for a moment).
    for (const deadline = Date.now() + 10_000; (await unacknowledged()) > 0 && Date.now() < deadline; )
      await sleep(100);
    expect(await unacknowledged()).toBe(0);
  });

  it('stops when its state is overwritten with bytes it never wrote', async () => {
    const kv = await stateKv();
    await kv.put('log', v1.HouseholdAlert.encode({ region: 'twente', reason: 'x' }).finish());
    const h = await until('not ready, the log stopped', (x) => !x.ready && x.checks.log !== 'ok');
    expect(h.checks.log).toMatch(/^stopped: the audit log state \(revision \d+\) is not one the audit service wrote/);
  });
});
