import { X509Certificate, createPrivateKey } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_SUBJECT, signCheckpoint, verifyLog, type LogEntry } from '@samenhang/audit-log';
import { identityFiles } from '@samenhang/config';
import { loadScenario } from './helpers/scenario.js';
import { publishSteps, type ScenarioStep } from './helpers/publish-scenario.js';
import { startTestStack, type TestStack } from './helpers/stack.js';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const cli = (args: string[]) => promisify(execFile)('node', [BIN, ...args]).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

describe('tamper-evident audit log (real stack, Meneer M)', () => {
  let t: TestStack;
  let log: LogEntry[];
  let trust: { ca: X509Certificate; trustDomain: string };

  beforeAll(async () => {
    // Small checkpoint intervals, so the log has several signed checkpoints.
    t = await startTestStack({ serviceEnv: { SAMENHANG_CHECKPOINT_EVERY: '4', SAMENHANG_CHECKPOINT_MS: '300' } });
    await publishSteps(t, loadScenario<{ steps: ScenarioStep[] }>('meneer-m').steps);
    trust = { ca: new X509Certificate(readFileSync(t.paths.caCert)), trustDomain: 'samenhang.dev' };
    const file = join(t.paths.root, 'copy.jsonl');
    for (let i = 0; i < 100; i++) {
      const r = await cli(['audit', 'verify', '--json', '--home', t.paths.root]);
      const report = JSON.parse(r.stdout);
      if (report.ok && report.records >= 9 && report.uncovered === 0) break;
      await sleep(200);
    }
    await cli(['audit', 'export', '--home', t.paths.root, '--out', file]);
    const { readLogFile } = await import('../packages/cli/dist/audit-reader.js');
    log = readLogFile(file);
  });
  afterAll(async () => t?.close());

  const records = () => log.filter((e) => e.subject !== CHECKPOINT_SUBJECT);
  const checkpoints = () => log.filter((e) => e.subject === CHECKPOINT_SUBJECT);
  const withRecords = (change: (r: LogEntry[]) => LogEntry[]) => {
    // Keep every checkpoint where it was relative to the records before it.
    const recs = change(records().slice());
    const out: LogEntry[] = [];
    let i = 0;
    for (const e of log) {
      if (e.subject === CHECKPOINT_SUBJECT) out.push(e);
      else if (recs[i]) out.push(recs[i++]!);
    }
    while (i < recs.length) out.push(recs[i++]!);
    return out;
  };

  it('verifies: every record covered by a signed checkpoint, several checkpoints chained', async () => {
    const report = await verifyLog(log, trust, null);
    expect(report).toMatchObject({ ok: true, uncovered: 0 });
    expect(report.records).toBeGreaterThanOrEqual(9);
    expect(report.checkpoints).toBeGreaterThanOrEqual(3);
  });

  it('names a modified record', async () => {
    const r = await verifyLog(withRecords((rs) => rs.map((e, i) => (i === 2 ? { ...e, data: Buffer.from(Buffer.from(e.data).toString().replace('"DENY"', '"DISCLOSE"').replace('"INDEX"', '"DISCLOSE"')) } : e))), trust, null);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ index: 2, seq: records()[2]!.seq });
    expect(r.problem!.what).toMatch(/entry 2 was modified/);
    expect(r.problem!.recordId).toMatch(/^(dec|dis)_/);
  });

  it('names a removed record', async () => {
    const r = await verifyLog(withRecords((rs) => rs.filter((_, i) => i !== 3)), trust, null);
    expect(r.problem).toMatchObject({ index: 3 });
    expect(r.problem!.what).toMatch(/entry 3 was removed/);
  });

  it('names two swapped records', async () => {
    const r = await verifyLog(withRecords((rs) => rs.map((e, i) => (i === 5 ? rs[6]! : i === 6 ? rs[5]! : e))), trust, null);
    expect(r.problem).toMatchObject({ index: 5 });
    expect(r.problem!.what).toMatch(/entries 5 and 6 are swapped/);
  });

  it('refuses a checkpoint with a forged signature, or signed by another service', async () => {
    const first = checkpoints()[0]!;
    const jws = Buffer.from(first.data).toString();
    const [h, p, s] = jws.split('.');
    const flipped = `${h}.${p}.${s!.slice(0, 10)}${s![10] === 'A' ? 'B' : 'A'}${s!.slice(11)}`;
    const forged = log.map((e) => (e === first ? { ...e, data: Buffer.from(flipped) } : e));
    const r1 = await verifyLog(forged, trust, null);
    expect(r1.problem!.what).toMatch(/signature invalid/);
    // A checkpoint claiming a rewritten root, signed with the consent service's own (valid) certificate.
    const consent = identityFiles(t.paths, 'consent');
    const claim = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const resigned = await signCheckpoint({ ...claim, rootHash: 'f'.repeat(64) }, createPrivateKey(readFileSync(consent.key)), readFileSync(consent.cert, 'utf8'));
    const r2 = await verifyLog(log.map((e) => (e === first ? { ...e, data: Buffer.from(resigned) } : e)), trust, null);
    expect(r2.problem!.what).toMatch(/not the audit service/);
    expect(r2.problem!.seq).toBe(first.seq);
  });

  it('detects a log inconsistent with a checkpoint verified before (rewritten or rolled back)', async () => {
    const good = (await verifyLog(log, trust, null)).latest!;
    expect((await verifyLog(log, trust, good)).ok).toBe(true);
    // The server's log now ends before what the privacy officer saw: rolled back.
    const cut = log.indexOf(checkpoints()[1]!);
    const rolledBack = await verifyLog(log.slice(0, cut + 1), trust, good);
    expect(rolledBack.problem!.what).toMatch(/rolled back/);
    // A checkpoint the officer verified earlier that this log does not extend: rewritten.
    const rewritten = await verifyLog(log, trust, { treeSize: 4, rootHash: 'a'.repeat(64) });
    expect(rewritten.problem!.what).toMatch(/not consistent with the checkpoint of size 4/);
  });

  it('audit verify exits 1 on a tampered copy, naming the first bad entry', async () => {
    const file = join(t.paths.root, 'tampered.jsonl');
    const tampered = withRecords((rs) => rs.map((e, i) => (i === 1 ? { ...e, data: Buffer.concat([Buffer.from(e.data), Buffer.from(' ')]) } : e)));
    writeFileSync(file, tampered.map((e) => JSON.stringify({ seq: e.seq, subject: e.subject, data: Buffer.from(e.data).toString('base64') })).join('\n'));
    const r = await cli(['audit', 'verify', '--home', t.paths.root, '--file', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/audit log FAILED: entry 1 was modified/);
    expect(r.stdout).toMatch(/first bad entry: index 1, stream sequence \d+, record (dec|dis)_/);
  });
});
