import { X509Certificate } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditIndex } from '@samenhang/audit-index';
import { verifyLog } from '@samenhang/audit-log';
import { readConsoleInfo } from '@samenhang/console';
import { readAll } from '@samenhang/nats';
import { STREAMS } from '@samenhang/topology';
import type { ScenarioStep } from '@samenhang/client';
import { publishStepsOneByOne, signInHttps, startTestStack, type TestStack } from '@samenhang/testkit';
import { https } from './helpers/https.js';
import { loadScenario } from './helpers/scenario.js';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const cli = (args: string[]) =>
  promisify(execFile)('node', [BIN, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/**
 * The privacy officer's queries answer from the audit index (a SQLite read model of the
 * AUDIT stream): the console's consumer keeps it current, the CLI and the console answer the
 * same query with the same bytes, audit verify compares it with the log, and a damaged index
 * is caught and rebuilt.
 */
describe('the audit index on a real stack (Meneer M)', () => {
  let t: TestStack;
  let logRecords: number;
  const get = async (cookie: string, path: string) => {
    const r = await https(t.paths, `${readConsoleInfo(t.paths)!.webUrl}${path}`, { headers: { cookie } });
    return r;
  };

  beforeAll(async () => {
    t = await startTestStack({
      services: ['broker-gateway', 'consent', 'audit', 'console'],
      serviceEnv: { SAMENHANG_CHECKPOINT_EVERY: '1', SAMENHANG_CHECKPOINT_MS: '300' },
    });
    await publishStepsOneByOne(t, loadScenario<{ steps: ScenarioStep[] }>('meneer-m').steps);
    const trust = { ca: new X509Certificate(readFileSync(t.paths.caCert)), trustDomain: 'samenhang.dev' };
    const po = await t.connect('privacy-officer');
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      const report = await verifyLog(await readAll(po, STREAMS.AUDIT, 'samenhang.audit.>'), trust, null);
      logRecords = report.records;
      if (report.ok && report.records >= 9 && report.uncovered === 0) break;
    }
  }, 150_000);
  afterAll(async () => t?.close());

  it("the console's consumer keeps the index current with no query asked", async () => {
    // Read the file directly: nothing here catches it up.
    let records = 0;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && records < logRecords; await sleep(200)) {
      const index = AuditIndex.open(t.paths.auditIndex);
      records = index.status().records;
      index.close();
    }
    expect(records).toBe(logRecords);
  });

  it('the CLI and the console give the same answer to the same query, byte for byte', async () => {
    const cookie = await signInHttps(t.paths, readConsoleInfo(t.paths)!.webUrl, 'fg-broker', 'privacy-officer');
    const queries: [string[], string][] = [
      [['disclosures', '--recipient', 'foodvalley'], '/audit/disclosures?recipient=foodvalley&format=csv'],
      [
        ['decisions', '--agency', 'politie-oost-nederland'],
        '/audit/decisions?agency=politie-oost-nederland&format=csv',
      ],
      [['decisions', '--since', '2020-01-01'], '/audit/decisions?since=2020-01-01&format=csv'],
    ];
    for (const [args, path] of queries) {
      const fromCli = await cli(['audit', ...args, '--csv', '--home', t.paths.root]);
      const fromConsole = await get(cookie, path);
      expect(fromConsole.status).toBe(200);
      expect(fromConsole.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(fromConsole.text).toBe(fromCli.stdout);
      expect(fromCli.stdout.trim().split('\n').length).toBeGreaterThan(1);
    }
    // The page shows the same total as the export has rows, and links the export with its filters.
    const page = await get(cookie, '/audit/disclosures?recipient=foodvalley');
    const rows =
      (await cli(['audit', 'disclosures', '--recipient', 'foodvalley', '--csv', '--home', t.paths.root])).stdout
        .trim()
        .split('\n').length - 1;
    expect(page.text).toContain(`1–${rows} van ${rows}`);
    expect(page.text).toContain('href="/audit/disclosures?recipient=foodvalley&#38;format=csv"');
    // A page beyond the end is empty, not an error.
    expect((await get(cookie, '/audit/disclosures?recipient=foodvalley&page=9')).text).toContain(`0–0 van ${rows}`);
  });

  it("a privacy officer's pages and exports are recorded as views by that person, naming no one", async () => {
    const cookie = await signInHttps(t.paths, readConsoleInfo(t.paths)!.webUrl, 'fg-broker', 'privacy-officer');
    const po = await t.connect('privacy-officer');
    const disclosures = async () =>
      (await readAll(po, STREAMS.AUDIT, 'samenhang.audit.disclosures')).map(
        (m) => JSON.parse(Buffer.from(m.data).toString()) as Record<string, unknown>,
      );
    const before = (await disclosures()).length;
    for (const path of [
      '/audit/decisions?since=2020-01-01',
      '/audit/decisions?since=2020-01-01',
      '/audit/decisions?since=2020-01-01&format=csv',
      '/audit/disclosures?recipient=foodvalley',
    ])
      expect((await get(cookie, path)).status).toBe(200);
    const views = (await disclosures()).slice(before).filter((r) => r.purpose === 'PRIVACY_SUPERVISION');
    expect(views).toHaveLength(4);
    // Who looked (the signed-in person, by pseudonymous id), in which role; what, by a hash of the rows under the filter.
    expect(new Set(views.map((v) => v.viewer)).size).toBe(1);
    expect(views[0]).toMatchObject({ kind: 'view', viewerRole: 'privacy-officer', decisionIds: [], pseudonyms: [] });
    expect(views[0]!.viewer).toMatch(/^person:/);
    expect(views[1]!.contentSha256).toBe(views[0]!.contentSha256);
    // Which list, under which filter, how many rows: in clear (ids and dates only).
    expect(views[0]!.shown).toEqual({
      kind: 'decisions',
      format: 'page',
      filter: { since: '2020-01-01', limit: 50, offset: 0 },
      rows: expect.any(Number),
    });
    expect(views[2]!.shown).toMatchObject({ kind: 'decisions', format: 'csv', filter: { since: '2020-01-01' } });
    expect((views[2]!.shown as { rows: number }).rows).toBeGreaterThan(0);
    expect(views[3]!.contentSha256).not.toBe(views[0]!.contentSha256);
    // Found by who looked.
    const byViewer = await cli([
      'audit',
      'disclosures',
      '--viewer',
      String(views[0]!.viewer),
      '--json',
      '--home',
      t.paths.root,
    ]);
    const found = byViewer.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).disclosureId);
    for (const v of views) expect(found).toContain(v.disclosureId);
  });

  it("an agency's privacy officer exports only the entries of its own agency's signals", async () => {
    const cookie = await signInHttps(t.paths, readConsoleInfo(t.paths)!.webUrl, 'fg-politie', 'politie-oost-nederland');
    const csv = (await get(cookie, '/audit/disclosures?format=csv')).text.trim().split('\n');
    expect(csv.length).toBeGreaterThan(1);
    // Columns: time, disclosureId, kind, recipient, viewer, version, signals, legalBasis, …
    for (const line of csv.slice(1))
      expect(
        line
          .split(',')[6]!
          .split(' ')
          .every((s) => s.startsWith('p-')),
      ).toBe(true);
    // Asking for another agency's decisions gets its own agency's: the scope is not the form's.
    const other = (await get(cookie, '/audit/decisions?agency=ggz-centraal&format=csv')).text.trim().split('\n');
    expect(other.slice(1).every((l) => l.split(',')[2] === 'politie-oost-nederland')).toBe(true);
  });

  it('audit verify compares the index with the log; a changed row is caught, refused as proof, and reindex repairs it', async () => {
    const ok = await cli(['audit', 'verify', '--home', t.paths.root]);
    // The log has grown by the console's view records since: every row of it is compared.
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringMatching(/audit index OK: its \d+ rows/)]);
    expect(Number(/its (\d+) rows/.exec(ok.stdout)![1])).toBeGreaterThan(logRecords);
    // Someone with access to the files changes what a row answers with: its record's bytes.
    const db = new Database(t.paths.auditIndex);
    const row = db
      .prepare("SELECT leaf, id, body_at, body_len FROM records WHERE type = 'decision' ORDER BY leaf LIMIT 1")
      .get() as { leaf: number; id: string; body_at: number; body_len: number };
    db.close();
    const bodies = `${t.paths.auditIndex}.bodies`;
    const all = readFileSync(bodies);
    const record = all.subarray(row.body_at, row.body_at + row.body_len).toString();
    const changed = record.replace('"outcome":"DISCLOSE"', '"outcome":"DENY____"');
    expect(changed).not.toBe(record);
    writeFileSync(
      bodies,
      Buffer.concat([all.subarray(0, row.body_at), Buffer.from(changed), all.subarray(row.body_at + row.body_len)]),
    );
    const bad = await cli(['audit', 'verify', '--home', t.paths.root]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('audit log OK');
    expect(bad.stdout).toContain(`audit index FAILED: index row ${row.leaf} answers with a record that differs`);
    const proof = await cli([
      'audit',
      'prove',
      '--home',
      t.paths.root,
      '--record',
      row.id,
      '--out',
      join(t.paths.root, 'p.json'),
    ]);
    expect([proof.code, proof.stderr]).toEqual([1, expect.stringContaining('ERR_AUDIT_INDEX')]);

    const rebuilt = await cli(['audit', 'reindex', '--home', t.paths.root]);
    expect([rebuilt.code, rebuilt.stdout]).toEqual([0, expect.stringMatching(/^audit index rebuilt: \d+ records/)]);
    const again = await cli(['audit', 'verify', '--home', t.paths.root]);
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('audit index OK')]);
    const proved = await cli([
      'audit',
      'prove',
      '--home',
      t.paths.root,
      '--record',
      row.id,
      '--out',
      join(t.paths.root, 'p.json'),
    ]);
    expect(proved.code).toBe(0);
    const checked = await cli(['audit', 'verify-proof', join(t.paths.root, 'p.json'), '--ca', t.paths.caCert]);
    expect([checked.code, checked.stdout]).toEqual([0, expect.stringMatching(/^proof OK/)]);
  });

  it("a row's columns or links that differ from its record are caught by audit verify", async () => {
    const db = new Database(t.paths.auditIndex);
    const d = db.prepare("SELECT leaf, agency FROM records WHERE type = 'decision' ORDER BY leaf LIMIT 1").get() as {
      leaf: number;
      agency: string;
    };
    // Another agency's officer would see it: the column moved, the record not.
    db.prepare("UPDATE records SET agency = 'ggz-centraal' WHERE leaf = ?").run(d.leaf);
    db.close();
    const moved = await cli(['audit', 'verify', '--home', t.paths.root]);
    expect([moved.code, moved.stdout]).toEqual([
      1,
      expect.stringContaining(`index row ${d.leaf} has another agency than its record`),
    ]);
    const again = new Database(t.paths.auditIndex);
    again.prepare('UPDATE records SET agency = ? WHERE leaf = ?').run(d.agency, d.leaf);
    // A person's access report would leave the decision out: its link is gone.
    again.prepare("DELETE FROM links WHERE leaf = ? AND key LIKE 'p:%'").run(d.leaf);
    again.close();
    const unlinked = await cli(['audit', 'verify', '--home', t.paths.root]);
    expect([unlinked.code, unlinked.stdout]).toEqual([
      1,
      expect.stringContaining(`index row ${d.leaf} is not found by p:`),
    ]);
    expect((await cli(['audit', 'reindex', '--home', t.paths.root])).code).toBe(0);
  });

  it('a record the console identity forges as a decision is no decision, and stops nothing', async () => {
    const console = await t.connect('console');
    const forged = { type: 'decision', decisionId: 'forged-decision', sourceAgency: true, signalId: 'm-001' };
    await console.jetstream().publish('samenhang.audit.disclosures', Buffer.from(JSON.stringify(forged)));
    const found = await cli(['audit', 'decisions', '--json', '--home', t.paths.root]);
    expect(found.code).toBe(0);
    expect(found.stdout).not.toContain('forged-decision');
    // The console still answers from the index: its follower took the record in as a row.
    const cookie = await signInHttps(t.paths, readConsoleInfo(t.paths)!.webUrl, 'fg-broker', 'privacy-officer');
    expect((await get(cookie, '/audit/decisions')).status).toBe(200);
  });

  it('an index that holds records the log no longer has is reported: the log lost what the index saw', async () => {
    // Caught up first (a query does that): the page asked for above wrote a view record.
    expect((await cli(['audit', 'decisions', '--limit', '1', '--home', t.paths.root])).code).toBe(0);
    const db = new Database(t.paths.auditIndex);
    const { records } = db.prepare("SELECT value AS records FROM meta WHERE key = 'records'").get() as {
      records: number;
    };
    // A row past the log's end, as an index of a log that was later rolled back would have.
    db.prepare(
      "INSERT INTO records (leaf, seq, type, id, time, hash, body_at, body_len) VALUES (?, 1000000, 'decision', 'ghost', '', zeroblob(32), 0, 2)",
    ).run(records);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'records'").run(records + 1);
    db.prepare("UPDATE meta SET value = 1000000 WHERE key = 'lastSeq'").run();
    db.close();
    const r = await cli(['audit', 'verify', '--home', t.paths.root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`the index holds ${records + 1} records, the log only ${records}`);
  });
});
