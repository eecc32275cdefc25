import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { readConsoleInfo } from '@samenhang/console';
import {
  signWorkload,
  syntheticWorkload,
  consumerIdle,
  readStream,
  startTestStack,
  type TestStack,
} from '@samenhang/testkit';
import { v1 } from '@samenhang/proto';
import { exited } from '@samenhang/launcher';
import { isTransientNatsError } from '@samenhang/nats';
import { https, type HttpsAnswer } from './helpers/https.js';
import { auditOutcome, consentSettled } from './helpers/outcome.js';
import { waitUntil } from './helpers/until.js';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');

// Three agencies that may all report about Food Valley; six signals per family system, two from each.
const AGENCIES = ['politie-oost-nederland', 'ggz-centraal', 'lokaalteam-ede'] as const;
const PER_AGENCY = Number(process.env.SAMENHANG_TEST_CLUSTER_SIGNALS ?? 1000);
const items = syntheticWorkload({ systems: PER_AGENCY / 2, perSystem: 6, agencies: AGENCIES });
const N = items.length;
// A fourth agency posts to the console's HTTPS API meanwhile, one envelope at a time (other persons).
const HTTPS_AGENCY = 'reclassering-nederland';
const viaHttps = syntheticWorkload({ systems: 30, perSystem: 5, agencies: [HTTPS_AGENCY], bsnBase: 800_000_000 });
const M = viaHttps.length;

interface CliRun {
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>;
  /** Receipts printed so far. */
  lines(): number;
}

/** `samenhang publish --agency <id> --file <json> --json` as an agency's operator runs it: a process of its own. */
function publishCli(root: string, agency: string, file: string): CliRun {
  const t0 = Date.now();
  const child = spawn('node', [BIN, 'publish', '--home', root, '--agency', agency, '--file', file, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 })),
  );
  return { done, lines: () => stdout.split('\n').length - 1 };
}

/**
 * Posts each envelope to POST /v1/signals as an agency system on HTTPS should
 * (docs/wire-contract.md): a 503 or a request that timed out is posted again, the same
 * bytes; a 202 is followed to its receipt. Returns each final answer and how often the
 * console gave up (503) or took longer than the client waits (20 s).
 */
async function postAll(
  t: TestStack,
  envelopes: Uint8Array[],
  stop: () => boolean,
): Promise<{ answers: string[]; unavailable: number; timedOut: number; slowestMs: number }> {
  const api = readConsoleInfo(t.paths).apiUrl;
  const answers: string[] = [];
  let [unavailable, timedOut, slowestMs] = [0, 0, 0];
  for (const envelope of envelopes) {
    const t0 = Date.now();
    let a: HttpsAnswer | undefined;
    while (!a || a.status === 503) {
      if (a) {
        unavailable++;
        await sleep(Number(a.headers['retry-after'] ?? 1) * 1000);
      }
      a = await https(t.paths, `${api}/v1/signals`, {
        as: HTTPS_AGENCY,
        body: envelope,
        type: 'application/x-protobuf',
      }).catch((e: Error) => {
        if (e.message !== 'timeout') throw e;
        timedOut++;
        return undefined;
      });
    }
    const location = String(a.headers.location);
    for (let i = 0; i < 120 && a.status === 202; i++) {
      await sleep(500);
      a = await https(t.paths, `${api}${location}`, { as: HTTPS_AGENCY });
    }
    slowestMs = Math.max(slowestMs, Date.now() - t0);
    answers.push(`${a.status} ${a.status < 300 ? a.json().status : a.text}`);
    // Paced, so the posts span the node's loss rather than finishing before it.
    if (!stop()) await sleep(100);
  }
  return { answers, unavailable, timedOut, slowestMs };
}

/**
 * Runs a read of the test's own (as the admin) until NATS answers: right after a node's
 * loss the cluster may still be electing the leaders those reads go to.
 */
async function settled<T>(what: string, f: () => Promise<T>, ms = 60_000): Promise<T> {
  for (const end = Date.now() + ms; ; await sleep(500)) {
    try {
      return await f();
    } catch (e) {
      if (!isTransientNatsError(e) || Date.now() > end)
        throw new Error(`${what}: ${(e as Error).message}`, { cause: e });
    }
  }
}

/** Receipts on the stream by status (and code), for the test's output. */
function countByStatus(receipts: v1.Receipt[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of receipts) {
    const key = `${v1.ReceiptStatus[r.status]}${r.code ? ` ${r.code}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * The node to kill: the one holding the most agencies' receipt readers (each a one-replica
 * consumer that dies with its node), and of those the one leading INGRESS, where every
 * publish lands. Returns its name and what it held.
 */
async function victim(admin: NatsConnection, t: TestStack): Promise<{ name: string; held: string[] }> {
  const jsm = await admin.jetstreamManager();
  const held = new Map<string, string[]>(t.stack.natsNodes.map((n) => [n.spec.name, []]));
  for (const stream of ['INGRESS', 'RECEIPTS', 'SIGNALS']) {
    const leader = (await jsm.streams.info(stream)).cluster?.leader;
    if (leader) held.get(leader)?.push(`${stream} leader`);
  }
  for await (const c of jsm.consumers.list('RECEIPTS')) {
    const agency = c.config.filter_subject?.split('.').pop();
    if (c.cluster?.leader && AGENCIES.includes(agency as (typeof AGENCIES)[number]))
      held.get(c.cluster.leader)?.push(`${agency}'s receipts reader`);
  }
  const score = (xs: string[]) =>
    xs.filter((x) => x.endsWith('reader')).length * 2 + (xs.includes('INGRESS leader') ? 1 : 0);
  const [name, what] = [...held].sort(([, a], [, b]) => score(b) - score(a))[0]!;
  return { name, held: what };
}

describe(`samenhang publish on a 3-node cluster: kill -9 of one nats-server while three agencies publish ${N} signals`, () => {
  it('every publish exits 0, every signal accepted once and decided exactly once; the HTTPS API rides through too', async () => {
    const t = await startTestStack({
      cluster: 3,
      services: ['broker-gateway', 'consent', 'audit', 'console'],
      // The API answers 202 after 3 s without a receipt (the test follows the location).
      serviceEnv: { SAMENHANG_RECEIPT_TIMEOUT_MS: '3000' },
    });
    try {
      const admin = await t.connect('broker-admin', { reconnect: true });
      const files = AGENCIES.map((agency) => {
        const file = join(t.paths.root, `${agency}.json`);
        writeFileSync(file, JSON.stringify(items.filter((x) => x.agency === agency).map((x) => x.signal)));
        return file;
      });
      const posted = (await signWorkload(t.paths, viaHttps)).map((s) => s.envelope);
      const t0 = Date.now();
      const runs = AGENCIES.map((agency, i) => publishCli(t.paths.root, agency, files[i]!));
      const printed = () => runs.reduce((n, r) => n + r.lines(), 0);
      let cliDone = false;
      const all = Promise.all(runs.map((r) => r.done)).finally(() => (cliDone = true));
      const posting = postAll(t, posted, () => cliDone);

      // Mid-publish, the node dies as with `kill -9 <pid>`.
      await waitUntil('a third of the receipts printed', () => printed() >= N / 3, 120_000);
      const { name, held } = await settled('choosing the node', () => victim(admin, t));
      const node = t.stack.natsNodes.find((n) => n.spec.name === name)!;
      const killedAt = Date.now() - t0;
      const printedAtKill = printed();
      process.kill(node.child.pid!, 'SIGKILL');
      await exited(node.child);

      const results = await all;
      const publishMs = Date.now() - t0;
      const unaccepted = (stdout: string) =>
        stdout
          .split('\n')
          .filter((l) => l && !l.includes('"status":"ACCEPTED"'))
          .join('\n');
      for (const [i, r] of results.entries())
        expect(r.code, `${AGENCIES[i]}: ${r.stderr}${unaccepted(r.stdout)}`).toBe(0);
      // Each agency saw each of its signals accepted, once, in its file's order.
      for (const [i, r] of results.entries()) {
        const lines = r.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { signalId: string; status: string });
        const own = items.filter((x) => x.agency === AGENCIES[i]).map((x) => x.signal.signalId);
        expect(
          lines.map((l) => l.signalId),
          AGENCIES[i],
        ).toEqual(own);
        expect(
          lines.filter((l) => l.status !== 'ACCEPTED'),
          AGENCIES[i],
        ).toEqual([]);
      }
      // Every HTTPS post ended in its ACCEPTED receipt (a 503 or a timeout was posted again, as the contract says).
      const viaApi = await posting;
      expect(viaApi.answers.filter((a) => a !== '201 ACCEPTED')).toEqual([]);
      expect(viaApi.answers).toHaveLength(M);

      // The stream holds one ACCEPTED receipt per signal, and no rejection.
      const receipts = (await settled('reading receipts', () => readStream(admin, 'RECEIPTS'))).map((m) =>
        v1.Receipt.decode(m.data),
      );
      const counts = countByStatus(receipts);
      const accepted = receipts.filter((r) => r.status === v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
      expect(accepted, JSON.stringify(counts)).toHaveLength(N + M);
      expect(new Set(accepted.map((r) => `${r.agencyId}/${r.signalId}`)).size).toBe(N + M);
      expect(receipts.filter((r) => r.status === v1.ReceiptStatus.RECEIPT_STATUS_REJECTED)).toEqual([]);
      // A DUPLICATE could only be a copy of an envelope stored before (its own bytes hold the id).
      expect(
        receipts.filter(
          (r) =>
            r.status === v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE && r.originalEnvelopeSha256 !== r.envelopeSha256,
        ),
      ).toEqual([]);

      // Every signal decided exactly once, read from AUDIT as the privacy officer; the log verifies.
      await consentSettled(admin, N + M, 120_000);
      await settled('audit settling', () => consumerIdle(admin, 'AUDIT', 'audit', 120_000));
      const audit = await settled('reading the audit log', () => auditOutcome(t.paths, N + M, 120_000));
      expect(audit.report, JSON.stringify(audit.report.problem)).toMatchObject({ ok: true, uncovered: 0 });
      expect(audit.decisions.size).toBe(N + M);
      expect([...audit.decisions].filter(([, n]) => n !== 1)).toEqual([]);
      console.log(
        `${N} signals from ${AGENCIES.length} agencies (samenhang publish) and ${M} over HTTPS; kill -9 of ${name} (${held.join(', ') || 'nothing of ours'}) ` +
          `at ${killedAt} ms with ${printedAtKill} receipts printed; publishes done in ${results.map((r) => r.ms).join('/')} ms (${publishMs} ms), ` +
          `slowest HTTPS post ${viaApi.slowestMs} ms (posted again after ${viaApi.unavailable} × 503, ${viaApi.timedOut} × timeout); receipts on the stream ${JSON.stringify(counts)}; decided and logged after ${Date.now() - t0} ms`,
      );
    } finally {
      await t.close();
    }
  }, 300_000);
});
