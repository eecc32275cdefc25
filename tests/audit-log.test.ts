import { X509Certificate, createPrivateKey } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_SUBJECT, signCheckpoint, verifyLog, type LogEntry } from '@samenhang/audit-log';
import { identityFiles } from '@samenhang/config';
import { readAll } from '@samenhang/nats';
import { STREAMS } from '@samenhang/topology';
import { loadScenario } from './helpers/scenario.js';
import { publishStepsOneByOne, startTestStack, type TestStack } from '@samenhang/testkit';
import type { ScenarioStep } from '@samenhang/client';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const cli = (args: string[]) =>
  promisify(execFile)('node', [BIN, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('tamper-evident audit log (real stack, Meneer M)', () => {
  let t: TestStack;
  let log: LogEntry[];
  let trust: { ca: X509Certificate; trustDomain: string };

  beforeAll(async () => {
    // Small checkpoint intervals, so the log has several signed checkpoints: one per batch the
    // audit service appends (a step's records arrive within its 20 ms linger, as one batch).
    t = await startTestStack({ serviceEnv: { SAMENHANG_CHECKPOINT_EVERY: '1', SAMENHANG_CHECKPOINT_MS: '300' } });
    await publishStepsOneByOne(t, loadScenario<{ steps: ScenarioStep[] }>('meneer-m').steps);
    trust = { ca: new X509Certificate(readFileSync(t.paths.caCert)), trustDomain: 'samenhang.dev' };
    const file = join(t.paths.root, 'copy.jsonl');
    // Wait until every record is covered by a checkpoint. Polled in-process: a CLI process per
    // poll costs a second each while the fault test loads the other core.
    const po = await t.connect('privacy-officer');
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      const report = await verifyLog(await readAll(po, STREAMS.AUDIT, 'samenhang.audit.>'), trust, null);
      if (report.ok && report.records >= 9 && report.uncovered === 0) break;
    }
    await cli(['audit', 'export', '--home', t.paths.root, '--out', file]);
    const { readLogFile } = await import('../packages/cli/dist/audit-reader.js');
    log = readLogFile(file);
  }, 150_000);
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
    // Every record (decision or disclosure) names its purpose: rewrite it.
    const tamper = (e: LogEntry) => {
      const text = Buffer.from(e.data).toString();
      const changed = text.replace('"purpose":"SAFETY_ASSESSMENT"', '"purpose":"MARKETING"');
      expect(changed).not.toBe(text);
      return { ...e, data: Buffer.from(changed) };
    };
    const r = await verifyLog(
      withRecords((rs) => rs.map((e, i) => (i === 2 ? tamper(e) : e))),
      trust,
      null,
    );
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ index: 2, seq: records()[2]!.seq });
    expect(r.problem!.what).toMatch(/entry 2 was modified/);
    expect(r.problem!.recordId).toMatch(/^(dec|dis)_/);
  });

  it('names a removed record', async () => {
    const r = await verifyLog(
      withRecords((rs) => rs.filter((_, i) => i !== 3)),
      trust,
      null,
    );
    expect(r.problem).toMatchObject({ index: 3 });
    expect(r.problem!.what).toMatch(/entry 3 was removed/);
  });

  it('names two swapped records', async () => {
    const r = await verifyLog(
      withRecords((rs) => rs.map((e, i) => (i === 5 ? rs[6]! : i === 6 ? rs[5]! : e))),
      trust,
      null,
    );
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
    const resigned = await signCheckpoint(
      { ...claim, rootHash: 'f'.repeat(64) },
      createPrivateKey(readFileSync(consent.key)),
      readFileSync(consent.cert, 'utf8'),
    );
    const r2 = await verifyLog(
      log.map((e) => (e === first ? { ...e, data: Buffer.from(resigned) } : e)),
      trust,
      null,
    );
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
    const tampered = withRecords((rs) =>
      rs.map((e, i) => (i === 1 ? { ...e, data: Buffer.concat([Buffer.from(e.data), Buffer.from(' ')]) } : e)),
    );
    writeFileSync(
      file,
      tampered
        .map((e) => JSON.stringify({ seq: e.seq, subject: e.subject, data: Buffer.from(e.data).toString('base64') }))
        .join('\n'),
    );
    const r = await cli(['audit', 'verify', '--home', t.paths.root, '--file', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/audit log FAILED: entry 1 was modified/);
    expect(r.stdout).toMatch(/first bad entry: index 1, stream sequence \d+, record (dec|dis)_/);
  });

  it('access-report for M lists all five signals with outcome and rule, a copy of his data, in words', async () => {
    const r = await cli(['audit', 'access-report', '--json', '--home', t.paths.root, '--bsn', '999990007']);
    const report = JSON.parse(r.stdout);
    expect(report.signals.map((s: any) => [s.signalId, s.outcome, s.rule, s.role])).toEqual([
      ['m-001', 'DISCLOSE', 'R1', 'subject'],
      ['p-2031', 'DISCLOSE', 'R7', 'subject'],
      ['g-77', 'INDEX', 'R5', 'subject'],
      ['j-5110', 'INDEX', 'R8', 'subject'],
      ['l-301', 'DISCLOSE', 'R9', 'subject'],
    ]);
    expect(
      report.signals.every(
        (s: any) => s.recipients.length > 0 && s.recipients.every((x: any) => x.recipient === 'rvt-foodvalley'),
      ),
    ).toBe(true);
    // The copy of the data (AVG 15(3)), read from the vault with the broker's keys.
    expect(report.person).toEqual({ name: 'M. Visser', birthDate: '1991-05-14' });
    expect(report.signals.find((s: any) => s.signalId === 'l-301')).toMatchObject({
      agencyName: 'Lokaal team Ede',
      summary: expect.stringMatching(/^Rent arrears of four months/),
      address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' },
      retentionMonths: 24,
    });
    expect(JSON.stringify(report)).not.toContain('999990007');
    // As text: Dutch by default, the same renderer as the HTML.
    const text = await cli(['audit', 'access-report', '--home', t.paths.root, '--bsn', '999990007']);
    expect(text.stdout).toContain('5 meldingen over u');
    expect(text.stdout).toContain('https://autoriteitpersoonsgegevens.nl');
    const en = await cli(['audit', 'access-report', '--lang', 'en', '--home', t.paths.root, '--bsn', '999990007']);
    expect(en.stdout).toContain('5 signals about you');
  });

  it("access-report for his father shows only the RVT signal that names him, and withholds M's other signals with the ground", async () => {
    const r = await cli(['audit', 'access-report', '--json', '--home', t.paths.root, '--bsn', '999990019']);
    const report = JSON.parse(r.stdout);
    expect(report.signals.map((s: any) => [s.signalId, s.role, s.outcome, s.rule])).toEqual([
      ['m-001', 'related', 'DISCLOSE', 'R1'],
    ]);
    // His son's signal: only what was shown of him, never its text. The alerts were notices
    // (agency, category, date, severity): nothing of him; his name goes out only in a picture.
    expect(report.signals[0].recipients.map((x: any) => [x.how, x.fields])).toEqual([['sent', []]]);
    expect(report.signals[0].summary).toBeUndefined();
    expect(report.person).toEqual({ name: 'J. Visser', birthDate: '1960-02-03' });
    expect(report.withheld).toEqual([
      { reason: 'others', count: 4 },
      { reason: 'reporter', count: 0 },
    ]);
    for (const other of ['p-2031', 'g-77', 'j-5110', 'l-301'])
      expect(JSON.stringify(report.signals)).not.toContain(other);
  });

  it('access-report asked by the father for his son withholds the signal that names the father, and is to be checked', async () => {
    const r = await cli([
      'audit',
      'access-report',
      '--json',
      '--home',
      t.paths.root,
      '--bsn',
      '999990007',
      '--requester',
      'parent',
      '--requester-bsn',
      '999990019',
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.signals.map((s: any) => s.signalId)).toEqual(['p-2031', 'g-77', 'j-5110', 'l-301']);
    expect(report.withheld[0]).toEqual({ reason: 'requester-involved', count: 1 });
    // M is 35: whether his parent may have it at all is the privacy officer's call, and the report says so.
    expect(report.requester).toEqual({ kind: 'parent', needsCheck: true, subjectAdult: true });
    // Someone else asking must say who they are.
    const without = await cli([
      'audit',
      'access-report',
      '--home',
      t.paths.root,
      '--bsn',
      '999990007',
      '--requester',
      'parent',
    ]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--requester parent needs --requester-bsn <bsn>');
  });

  it('access-report and disclosures refuse an invalid BSN as a usage error (exit 2), never "0 signals"', async () => {
    for (const sub of ['access-report', 'disclosures']) {
      const r = await cli(['audit', sub, '--home', t.paths.root, '--bsn', '123']);
      expect(r.code, sub).toBe(2);
      expect(r.stderr).toContain(
        `samenhang audit ${sub}: --bsn is not a valid BSN (nine digits that pass the 11-test)`,
      );
      expect(r.stdout).toBe('');
    }
    // Nine digits failing the 11-test too.
    expect((await cli(['audit', 'access-report', '--home', t.paths.root, '--bsn', '999990008'])).code).toBe(2);
  });

  it('audit decisions says why a signal was shown as it was', async () => {
    const r = await cli(['audit', 'decisions', '--home', t.paths.root, '--signal', 'j-5110']);
    expect(r.stdout).toMatch(
      /j-5110 from reclassering-nederland \(JUSTICE, CRIMINAL_CASE\) {2}→ rvt-foodvalley: INDEX/,
    );
    expect(r.stdout).toMatch(/decided by R8 — Wjsg art\. 39f \[assumption: amended law, not yet enacted\]/);
    expect(r.stdout).toMatch(/not DISCLOSE under R8: severity MEDIUM is below HIGH/);
    expect(r.stdout).toMatch(/policy 2026\.12-1 [0-9a-f]{16}/);
    // A signal id is unique per agency only: --agency names whose.
    const own = await cli([
      'audit',
      'decisions',
      '--json',
      '--home',
      t.paths.root,
      '--agency',
      'reclassering-nederland',
      '--signal',
      'j-5110',
    ]);
    expect(
      own.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).sourceAgency),
    ).toContain('reclassering-nederland');
    const other = await cli([
      'audit',
      'decisions',
      '--json',
      '--home',
      t.paths.root,
      '--agency',
      'lokaalteam-ede',
      '--signal',
      'j-5110',
    ]);
    expect([other.code, other.stdout.trim()]).toEqual([0, '']);
  });

  it('audit disclosures filters by person, household and recipient, as a table or CSV', async () => {
    const byFather = await cli(['audit', 'disclosures', '--csv', '--home', t.paths.root, '--bsn', '999990019']);
    const rows = byFather.stdout.trim().split('\n');
    expect(rows[0]).toBe('time,disclosureId,kind,recipient,viewer,version,signals,legalBasis,contentSha256');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((l) => l.includes(',alert,rvt-foodvalley,'))).toBe(true);
    const byHousehold = await cli([
      'audit',
      'disclosures',
      '--json',
      '--home',
      t.paths.root,
      '--household',
      '6717CD',
      '3',
      'B',
    ]);
    expect(byHousehold.stdout.trim().split('\n').length).toBe(rows.length - 1);
    const twente = await cli(['audit', 'disclosures', '--json', '--home', t.paths.root, '--recipient', 'twente']);
    expect(twente.stdout.trim()).toBe('');
  });

  it('prove writes a proof that verify-proof checks offline, and a changed proof fails', async () => {
    const first = JSON.parse(
      (await cli(['audit', 'disclosures', '--json', '--home', t.paths.root])).stdout.split('\n')[0]!,
    );
    const file = join(t.paths.root, 'proof.json');
    expect(
      (await cli(['audit', 'prove', '--home', t.paths.root, '--record', first.disclosureId, '--out', file])).code,
    ).toBe(0);
    // An unknown record is named as such, with its code, not an internal error.
    const unknown = await cli(['audit', 'prove', '--home', t.paths.root, '--record', 'nope', '--out', `${file}.x`]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/ERR_NOT_FOUND: no record nope in the audit log/);
    // Offline: only the proof file and the trust anchor (the CA certificate).
    const ok = await cli(['audit', 'verify-proof', file, '--home', '/nonexistent', '--ca', t.paths.caCert]);
    expect([ok.code, ok.stdout]).toEqual([
      0,
      expect.stringMatching(/^proof OK: record \d+ is in the audit log of \d+ records/),
    ]);
    const proof = JSON.parse(readFileSync(file, 'utf8'));
    const record = JSON.parse(Buffer.from(proof.record, 'base64').toString());
    writeFileSync(
      file,
      JSON.stringify({
        ...proof,
        record: Buffer.from(JSON.stringify({ ...record, recipient: 'rvt-twente' })).toString('base64'),
      }),
    );
    const bad = await cli(['audit', 'verify-proof', file, '--home', '/nonexistent', '--ca', t.paths.caCert]);
    expect([bad.code, bad.stdout.trim()]).toEqual([
      1,
      'proof FAILED: the record is not in the signed tree (record or proof altered)',
    ]);
  });

  it('proves offline that an earlier signed log is a prefix of the latest one', async () => {
    const first = (await verifyLog(log.slice(0, log.indexOf(checkpoints()[0]!) + 1), trust, null)).latest!;
    const file = join(t.paths.root, 'consistency.json');
    expect(
      (await cli(['audit', 'prove', '--home', t.paths.root, '--consistency', String(first.treeSize), '--out', file]))
        .code,
    ).toBe(0);
    const ok = await cli(['audit', 'verify-proof', file, '--home', '/nonexistent', '--ca', t.paths.caCert]);
    expect(ok.stdout).toMatch(
      new RegExp(`^proof OK: the log of ${first.treeSize} records signed at .* is a prefix of the log of \\d+`),
    );
    const proof = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(
      file,
      JSON.stringify({ ...proof, proof: proof.proof.map((h: string, i: number) => (i === 0 ? 'ab'.repeat(32) : h)) }),
    );
    expect((await cli(['audit', 'verify-proof', file, '--home', '/nonexistent', '--ca', t.paths.caCert])).code).toBe(1);
  });
});
