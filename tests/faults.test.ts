import { describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { envelopeSha256 } from '@samenhang/envelope';
import {
  publishSigned,
  signWorkload,
  syntheticWorkload,
  WORKLOAD_AGENCIES,
  type WorkloadItem,
  consumerIdle,
  readStream,
  streamCount,
  startTestStack,
  type TestStack,
} from '@samenhang/testkit';
import { v1 } from '@samenhang/proto';
import { exited } from '@samenhang/launcher';
import {
  alertVersions,
  auditOutcome,
  consentSettled,
  pictureDigest,
  recordedVersions,
  type AuditOutcome,
} from './helpers/outcome.js';
import { waitUntil } from './helpers/until.js';

// 1,000 family systems × 10 signals = the 10,000-signal load of issue 5.
const SYSTEMS = Number(process.env.SAMENHANG_TEST_SYSTEMS ?? 1000);
const items: WorkloadItem[] = syntheticWorkload({ systems: SYSTEMS });
const N = items.length;

interface Outcome {
  pictures: string[];
  alerts: Map<string, number[]>;
  /** The newest version each picture recorded per region: each must have been sent. */
  recorded: Map<string, number>;
  audit: AuditOutcome;
  accepted: number;
  /** What the fault did, for the test's output. */
  notes: string[];
}

type Fault = (t: TestStack, notes: string[]) => Promise<void>;

/** Names the step that failed: a bare NATS TIMEOUT says nothing. */
async function step<T>(name: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message}`, { cause: e });
  }
}

/** Receipts by status and code, so a failed run says whether signals were rejected or lost. */
async function receiptCounts(admin: NatsConnection): Promise<string> {
  const counts: Record<string, number> = {};
  for (const m of await readStream(admin, 'RECEIPTS')) {
    const r = v1.Receipt.decode(m.data);
    const key = `${v1.ReceiptStatus[r.status]}${r.code ? ` ${r.code}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return JSON.stringify(counts);
}

/** Runs the whole load on a fresh stack while `fault` does its damage; returns what the stack ended with. */
async function run(options: Parameters<typeof startTestStack>[0], fault?: Fault): Promise<Outcome> {
  const t = await startTestStack(options);
  try {
    const admin = await t.connect('broker-admin', { reconnect: true });
    const signed = await signWorkload(t.paths, items);
    const conns = new Map<string, NatsConnection>();
    for (const a of Object.keys(WORKLOAD_AGENCIES)) conns.set(a, await t.connect(a, { reconnect: true }));
    const t0 = Date.now();
    const notes: string[] = [];
    await Promise.all([
      step('publishing', () => publishSigned(conns, signed)),
      step('the fault', async () => fault?.(t, notes)),
    ]);
    await waitUntil(
      'a receipt for every envelope',
      async () => (await streamCount(admin, 'RECEIPTS').catch(() => 0)) >= N,
      300_000,
    );
    await step('consent settling', () =>
      consentSettled(admin, N).catch(async (e) => {
        throw new Error(`${(e as Error).message}; receipts ${await receiptCounts(admin)}`);
      }),
    );
    notes.push(`${N} signals settled in ${Date.now() - t0} ms`);

    const receipts = (await step('reading receipts', () => readStream(admin, 'RECEIPTS'))).map((m) =>
      v1.Receipt.decode(m.data),
    );
    const accepted = new Set(
      receipts.filter((r) => r.status === v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED).map((r) => r.envelopeSha256),
    );
    const rejected = receipts
      .filter((r) => r.status === v1.ReceiptStatus.RECEIPT_STATUS_REJECTED)
      .map((r) => `${r.signalId}: ${r.code}`);
    expect(rejected).toEqual([]);
    expect(signed.filter((s) => !accepted.has(envelopeSha256(s.envelope)))).toHaveLength(0);
    const pictures = await step('reading pictures', () => pictureDigest(admin));
    const alerts = await step('reading alerts', () => alertVersions(admin));
    const recorded = await step('reading recorded versions', () => recordedVersions(admin));
    await step('audit settling', () => consumerIdle(admin, 'AUDIT', 'audit', 120_000));
    const audit = await step('reading the audit log', () => auditOutcome(t.paths, N));
    notes.push(`read back after ${Date.now() - t0} ms`);
    return { pictures, alerts, recorded, audit, accepted: accepted.size, notes };
  } finally {
    await t.close();
  }
}

/**
 * Every picture's newest alert version reached its RVT: a version is settled by the claim
 * of the message that recorded it, so one lost with a killed instance would show here.
 */
function expectNewestSent(outcome: Outcome): void {
  expect(outcome.recorded.size).toBeGreaterThan(0);
  const unsent = [...outcome.recorded].filter(
    ([key, version]) => Math.max(0, ...(outcome.alerts.get(key) ?? [])) !== version,
  );
  expect(unsent).toEqual([]);
}

/** The checks of issue 5 against the fault-free reference run. */
function expectIntact(outcome: Outcome, reference: Outcome, o: { oneConsentInstance: boolean }): void {
  console.log(outcome.notes.join('\n'));
  expect(outcome.accepted).toBe(N);
  expect(outcome.pictures).toEqual(reference.pictures);
  // Every ACCEPTED signal decided exactly once (decision ids are deterministic; the log keeps one record each).
  expect(outcome.audit.decisions.size).toBe(N);
  expect([...outcome.audit.decisions.values()].filter((n) => n !== 1)).toEqual([]);
  expect(outcome.audit.report, JSON.stringify(outcome.audit.report.problem)).toMatchObject({ ok: true, uncovered: 0 });
  expectNewestSent(outcome);
  for (const [key, versions] of outcome.alerts) {
    expect(new Set(versions).size, key).toBe(versions.length); // no version sent twice
    // One consent instance sends a system's versions in order (two may interleave; RVTs keep the newest).
    if (o.oneConsentInstance) expect(versions, key).toEqual([...versions].sort((a, b) => a - b));
  }
}

/** Waits until a service's durable consumer has acknowledged up to stream sequence `seq`: the load is mid-way. */
async function processed(t: TestStack, stream: string, consumer: string, seq: number): Promise<number> {
  const admin = await t.connect('broker-admin', { reconnect: true });
  const jsm = await admin.jetstreamManager();
  let floor = 0;
  await waitUntil(
    `${stream}/${consumer} at ${seq}`,
    async () => {
      floor = (await jsm.consumers.info(stream, consumer)).ack_floor.stream_seq;
      return floor >= seq;
    },
    120_000,
  );
  await admin.close();
  return floor;
}

/** kill -9 of the first instance of `service` once its consumer got `at` messages far; the second instance carries on. */
const killService =
  (service: string, stream: string, consumer: string, at: number): Fault =>
  async (t, notes) => {
    const floor = await processed(t, stream, consumer, at);
    const svc = t.stack.services.get(service)!;
    svc.child.kill('SIGKILL');
    await exited(svc.child);
    notes.push(`kill -9 ${service} at ${stream} ${floor}`);
  };

describe(`faults under a ${N}-signal load`, () => {
  let reference: Outcome;

  it('fault-free reference run: one instance of each service, one node', async () => {
    reference = await run({});
    console.log(reference.notes.join('\n'));
    expect(reference.pictures).toHaveLength(SYSTEMS);
    expect(reference.pictures.every((p) => JSON.parse(p)[0] === 3 && JSON.parse(p)[1].length === 10)).toBe(true);
    expect(reference.audit.report).toMatchObject({ ok: true, uncovered: 0 });
    expectNewestSent(reference);
    for (const [key, versions] of reference.alerts) expect(versions, key).toEqual(versions.map((_, i) => i + 1));
  }, 600_000);

  it('kill -9 of a gateway, then a consent, then an audit instance, each with a second instance running', async () => {
    const faults = [
      killService('broker-gateway', 'INGRESS', 'broker-gateway', N * 0.2),
      killService('consent', 'SIGNALS', 'consent', N * 0.4),
      killService('audit', 'AUDIT', 'audit', N * 0.6),
    ];
    const outcome = await run({ instances: { 'broker-gateway': 2, consent: 2, audit: 2 } }, async (t, notes) => {
      for (const f of faults) await f(t, notes);
    });
    expectIntact(outcome, reference, { oneConsentInstance: false });
  }, 600_000);

  it('kill -9 of the NATS node leading the SIGNALS stream on a 3-node cluster', async () => {
    const outcome = await run({ cluster: 3 }, async (t, notes) => {
      const floor = await processed(t, 'SIGNALS', 'consent', N / 3);
      const admin = await t.connect('broker-admin');
      const leader = (await (await admin.jetstreamManager()).streams.info('SIGNALS')).cluster?.leader;
      await admin.close();
      const node = t.stack.natsNodes.find((n) => n.spec.name === leader)!;
      node.child.kill('SIGKILL');
      await exited(node.child);
      notes.push(`kill -9 nats-server ${leader} at SIGNALS ${floor}`);
    });
    expectIntact(outcome, reference, { oneConsentInstance: true }); // a cluster runs one consent writer
  }, 600_000);
});
