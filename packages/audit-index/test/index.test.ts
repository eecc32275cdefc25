import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AuditIndex, takeIn, toCsv } from '@samenhang/audit-index';
import { CHECKPOINT_SUBJECT, concerning, inRange, parseRecords } from '@samenhang/audit-log';
import { makeLog } from './make-log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-index-'));
  dirs.push(dir);
  return join(dir, 'index', 'audit.sqlite');
};

describe('the audit index', () => {
  it('answers every query as filtering the whole log would, and concerning() the same over its part', () => {
    const log = makeLog();
    const all = parseRecords(log);
    const index = AuditIndex.open(fresh());
    // In uneven batches, with overlap: taking in is idempotent by sequence.
    index.ingest(log.slice(0, 100), 'after-last');
    index.ingest(log.slice(50, 220));
    index.ingest(log.slice(220));
    const records = log.filter((e) => e.subject !== CHECKPOINT_SUBJECT).length;
    expect(index.status()).toEqual({ records, lastSeq: log.length });

    const byTime = <T extends { time?: string; decidedAt?: string }>(a: T, b: T) =>
      (a.time ?? a.decidedAt ?? '').localeCompare(b.time ?? b.decidedAt ?? '');
    for (const d of all.decisions.slice(0, 30)) {
      const want = all.decisions.filter((x) => x.sourceAgency === d.sourceAgency && x.signalId === d.signalId);
      expect(index.decisions({ agency: d.sourceAgency, signal: d.signalId }).rows).toEqual(want.sort(byTime));
    }
    const since = '2026-02-01';
    const until = '2026-03-15';
    const inWindow = all.decisions.filter((d) => inRange(d.decidedAt, since, `${until}T23:59:59.999Z`));
    expect(index.decisions({ since, until }).total).toBe(inWindow.length);
    expect(inWindow.length).toBeGreaterThan(10);

    const toFlevoland = all.disclosures.filter((d) => d.recipient === 'rvt-flevoland');
    const page = index.disclosures({ recipient: 'flevoland', limit: 5, offset: 5 });
    expect(page.total).toBe(toFlevoland.length);
    expect(page.rows).toEqual(toFlevoland.sort(byTime).slice(5, 10));

    const viewer = 'person:viewer-1';
    expect(index.disclosures({ viewer }).rows).toEqual(all.disclosures.filter((d) => d.viewer === viewer));

    // A disclosure shows a signal when it carried one of that signal's decisions (of that agency).
    const d0 = all.decisions[0]!;
    const ids = new Set(
      all.decisions
        .filter((x) => x.signalId === d0.signalId && x.sourceAgency === d0.sourceAgency)
        .map((x) => x.decisionId),
    );
    expect(index.disclosures({ agency: d0.sourceAgency, signal: d0.signalId }).rows).toEqual(
      all.disclosures.filter((x) => x.decisionIds.some((id) => ids.has(id))),
    );
    // An agency sees the disclosures that carried one of its decisions.
    const own = new Set(all.decisions.filter((x) => x.sourceAgency === 'ggz-centraal').map((x) => x.decisionId));
    expect(index.disclosures({ agency: 'ggz-centraal' }).rows).toEqual(
      all.disclosures.filter((x) => x.decisionIds.some((id) => own.has(id))),
    );
    // By household: the disclosures that carried a decision of a signal about it.
    const atHome = new Set(all.decisions.filter((x) => x.householdKey === 'hh-1').map((x) => x.decisionId));
    expect(index.disclosures({ household: 'hh-1' }).rows).toEqual(
      all.disclosures.filter((x) => x.decisionIds.some((id) => atHome.has(id))),
    );

    for (let p = 0; p < 12; p++) {
      const person = `person:${p}`;
      const whole = concerning(all, person);
      const part = concerning(index.concerning(person), person);
      expect(part.signals).toEqual(whole.signals);
      expect(part.disclosures).toEqual(whole.disclosures);
      expect(part.decisionIds).toEqual(whole.decisionIds);
    }
    index.close();
  });

  it('stops at a gap in what a consumer delivered, and is rebuilt in place', () => {
    const log = makeLog(3);
    const index = AuditIndex.open(fresh());
    index.ingest(log.slice(0, 10));
    expect(index.ingest(log.slice(20, 30))).toEqual({ added: 0, gap: true });
    expect(index.status().lastSeq).toBe(10);
    // Read after the last sequence, a gap is one in the stream itself.
    expect(index.ingest(log.slice(20, 30), 'after-last').gap).toBe(false);
    expect(index.status().lastSeq).toBe(30);
    index.reset();
    expect(index.status()).toEqual({ records: 0, lastSeq: 0 });
    index.ingest(log);
    expect(index.status().lastSeq).toBe(log.length);
    index.close();
  });

  it('indexes a record as of the type its subject allows only, and one the figures cannot read still as a row', () => {
    const index = AuditIndex.open(fresh());
    const forged = {
      type: 'decision',
      decisionId: 'forged',
      sourceAgency: true,
      signalId: 's-1',
      decidedAt: '2026-01-01T00:00:00.000Z',
    };
    const real = { ...forged, decisionId: 'real', sourceAgency: 'politie-oost' };
    index.ingest([
      // A decision on the disclosures subject (which the console may write): not a decision.
      { seq: 1, subject: 'samenhang.audit.disclosures', data: Buffer.from(JSON.stringify(forged)) },
      // A decision on its own subject with a field of the wrong kind: a row, no crash.
      {
        seq: 2,
        subject: 'samenhang.audit.decisions',
        data: Buffer.from(JSON.stringify({ ...forged, decisionId: 'odd' })),
      },
      { seq: 3, subject: 'samenhang.audit.decisions', data: Buffer.from(JSON.stringify(real)) },
    ]);
    expect(index.status()).toEqual({ records: 3, lastSeq: 3 });
    expect(index.decisionsById(['forged'])).toEqual([]);
    expect(index.decisions({}).rows.map((d) => d.decisionId)).toEqual(['odd', 'real']);
    index.close();
  });

  it('refuses an index of another schema version, with a stable code, and is made anew where it is used', () => {
    const file = fresh();
    AuditIndex.open(file).close();
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = 99 WHERE key = 'schema'").run();
    db.close();
    expect(() => AuditIndex.open(file)).toThrow(expect.objectContaining({ code: 'ERR_AUDIT_INDEX' }));
    // Disposable: what the console and the CLI open is made anew, empty, for the next catch-up.
    const renewed = AuditIndex.openOrRebuild(file);
    expect(renewed.status()).toEqual({ records: 0, lastSeq: 0 });
    renewed.close();
  });

  it('takes over a finished index of schema 5 as it is, and builds one left half built by it again', async () => {
    const entries = makeLog(3, 120);
    const finished = fresh();
    const built = AuditIndex.open(finished);
    await takeIn(built, entries);
    built.close();
    const halfBuilt = fresh();
    const half = AuditIndex.open(halfBuilt);
    half.beginBuild();
    half.ingest(entries.slice(0, 60), 'after-last');
    half.close();
    for (const file of [finished, halfBuilt]) {
      const db = new Database(file);
      db.prepare("UPDATE meta SET value = 5 WHERE key = 'schema'").run();
      db.close();
    }
    const taken = AuditIndex.open(finished);
    expect(taken.db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get()).not.toBe(5);
    expect(taken.status().lastSeq).toBe(120);
    expect(taken.decisions({}).total).toBeGreaterThan(0);
    taken.close();
    // Half built, its links are in that version's layout: refused, and made anew where it is used.
    expect(() => AuditIndex.open(halfBuilt)).toThrow(expect.objectContaining({ code: 'ERR_AUDIT_INDEX' }));
    const renewed = AuditIndex.openOrRebuild(halfBuilt);
    expect(renewed.status()).toEqual({ records: 0, lastSeq: 0 });
    renewed.close();
  });
});

describe('the CSV export', () => {
  it('quotes what needs quoting and defuses a cell a spreadsheet would run as a formula', () => {
    const rows = [{ a: '=HYPERLINK("http://x","y")', b: 'plain', c: '-1+2', d: 'a,b' }];
    const csv = toCsv(['a', 'b', 'c', 'd'], (r: (typeof rows)[number]) => [r.a, r.b, r.c, r.d], rows);
    expect(csv).toBe('a,b,c,d\n"\'=HYPERLINK(""http://x"",""y"")",plain,\'-1+2,"a,b"\n');
  });
});
