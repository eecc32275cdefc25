import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuditIndex,
  CATCH_UP_BATCH,
  CATCH_UP_BATCH_BYTES,
  IndexComparer,
  inclusionFromIndex,
  learningPart,
  measure,
  takeIn,
} from '@samenhang/audit-index';
import { CHUNK_LEAVES, MerkleTree, foldHashes, leafHash, toHex } from '@samenhang/merkle';
import { CHECKPOINT_SUBJECT, parseRecords } from '@samenhang/audit-log';
import { makeLog } from './make-log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-build-'));
  dirs.push(dir);
  return AuditIndex.open(join(dir, 'audit.sqlite'));
};

/** Everything an index holds: every table, in a fixed order, and the records' bytes beside it. */
function contents(index: AuditIndex) {
  const tables = [
    'records',
    'links',
    'checkpoints',
    'chunks',
    'learning_figures',
    'learning_open',
    'learning_systems',
    'meta',
  ];
  return {
    tables: Object.fromEntries(
      tables.map((t) => [
        t,
        index.db
          // How often the index was emptied is not what it holds.
          .prepare(`SELECT * FROM ${t}${t === 'meta' ? " WHERE key != 'generation'" : ''}`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
    ) as Record<string, string[]>,
    indexes: index.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").pluck().all(),
    bodies: createHash('sha256')
      .update(readFileSync(`${index.file}.bodies`))
      .digest('hex'),
  };
}

// Longer than two catch-up batches, so the worker thread prepares some and the last is partial;
// at its end, persons whose pseudonyms need escaping in the JSON a build holds links in.
const made = makeLog(11, 2 * CATCH_UP_BATCH + 3_000);
const oddPersons = ['person:\ud800x', 'person:"q\\\u0000', 'person:é😀\udc00'];
const log = made.concat(
  oddPersons.map((p, i) => ({
    seq: made.length + 1 + i,
    subject: 'samenhang.audit.decisions',
    data: Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(made[0]!.data).toString('utf8')),
        decisionId: `odd-${i}`,
        subjectPseudonym: p,
        signalId: `s-odd-${i}`,
        relatedPseudonyms: [],
        householdKey: `hh-${p}`,
      }),
    ),
  })),
);

describe('building the audit index', () => {
  it('makes, in batches prepared by a worker thread, the same index as taking in a few entries at a time', async () => {
    const stepwise = fresh();
    for (let i = 0; i < log.length; i += 700) stepwise.ingest(log.slice(i, i + 700));
    const built = fresh();
    expect(await takeIn(built, log)).toBe(log.filter((e) => e.subject !== CHECKPOINT_SUBJECT).length);
    expect(built.building()).toBe(false);
    expect(contents(built)).toEqual(contents(stepwise));
    // The log's records of each kind are all there, and found by the query indexes made at the end.
    const all = parseRecords(log);
    expect(built.decisions({}).total).toBe(all.decisions.length);
    expect(built.disclosures({ recipient: 'flevoland' }).total).toBe(
      all.disclosures.filter((d) => d.recipient === 'rvt-flevoland').length,
    );
    expect(contents(stepwise).tables.learning_open!.length).toBeGreaterThan(0);
    for (const p of oddPersons) expect(built.concerning(p).decisions.map((d) => d.decisionId)).toHaveLength(1);
    stepwise.close();
    built.close();
  });

  it('ends a batch at CATCH_UP_BATCH_BYTES of records, however few they are', async () => {
    const big = Array.from({ length: 120 }, (_, i) => ({
      seq: i + 1,
      subject: 'samenhang.audit.decisions',
      data: Buffer.from(JSON.stringify({ type: 'decision', decisionId: `big-${i}`, padding: 'x'.repeat(200_000) })),
    }));
    const index = fresh();
    const steps: number[] = [];
    await takeIn(index, big, (n) => steps.push(n));
    const perBatch = Math.ceil(CATCH_UP_BATCH_BYTES / big[0]!.data.length);
    expect(steps.slice(0, 2)).toEqual([perBatch, 2 * perBatch]);
    expect(index.status()).toEqual({ records: 120, lastSeq: 120 });
    index.close();
  });

  it('refuses queries while half built, and the next catch-up (in any process) finishes the build', async () => {
    const whole = fresh();
    await takeIn(whole, log);
    const half = fresh();
    expect(half.beginBuild()).toBe(true);
    half.ingest(log.slice(0, 5_000));
    expect(() => half.decisions({})).toThrow(expect.objectContaining({ code: 'ERR_AUDIT_INDEX' }));
    expect(() => half.concerning('person:1')).toThrow(expect.objectContaining({ code: 'ERR_AUDIT_INDEX' }));
    expect(() => half.learning()).toThrow(expect.objectContaining({ code: 'ERR_AUDIT_INDEX' }));
    // The process stops; another opens the index: still being built, and its query indexes not made row by row.
    half.close();
    const again = AuditIndex.open(half.file);
    expect(again.building()).toBe(true);
    expect(contents(again).indexes).not.toContain('records_by_time');
    // A build starts only on an empty index.
    expect(whole.beginBuild()).toBe(false);
    await takeIn(again, log.slice(5_000));
    expect(again.building()).toBe(false);
    expect(contents(again)).toEqual(contents(whole));
    again.close();
    whole.close();
  });

  it('refuses the rest of a catch-up when another process empties the index meanwhile (audit reindex)', async () => {
    const whole = fresh();
    await takeIn(whole, log);
    const index = fresh();
    const other = AuditIndex.open(index.file);
    // The log as a catch-up reads it, emptied by another process part-way.
    async function* reading() {
      for (const [i, e] of log.entries()) {
        if (i === CATCH_UP_BATCH * 2 + 10) other.reset();
        yield e;
      }
    }
    await expect(takeIn(index, reading())).rejects.toMatchObject({ code: 'ERR_AUDIT_INDEX' });
    // Nothing of that run landed at the wrong leaves: the index is empty, and a new catch-up fills it.
    expect(index.status()).toEqual({ records: 0, lastSeq: 0 });
    await takeIn(index, log);
    expect(contents(index)).toEqual(contents(whole));
    other.close();
    index.close();
    whole.close();
  });

  it('says the index is busy, with its code, when another process holds it past the busy timeout', () => {
    const index = fresh();
    const other = AuditIndex.open(index.file);
    index.db.pragma('busy_timeout = 50');
    // As a build's last transaction holds it while it sorts the links into place.
    other.db.prepare('BEGIN IMMEDIATE').run();
    expect(() => index.ingest(log.slice(0, 10))).toThrow(
      expect.objectContaining({ code: 'ERR_AUDIT_INDEX', message: expect.stringMatching(/busy/) }),
    );
    other.db.prepare('COMMIT').run();
    expect(index.ingest(log.slice(0, 10)).added).toBeGreaterThan(0);
    other.close();
    index.close();
  });

  it('is emptied in place mid-build, and built again from nothing', async () => {
    const whole = fresh();
    await takeIn(whole, log);
    const index = fresh();
    index.beginBuild();
    index.ingest(log.slice(0, 3_000));
    index.reset();
    expect(index.building()).toBe(false);
    await takeIn(index, log);
    expect(contents(index)).toEqual(contents(whole));
    index.close();
    whole.close();
  });
});

describe('the chunk hashes a proof is made from', () => {
  it('are the log’s subtree hashes, make the proof the whole tree gives, and audit verify compares them', async () => {
    const index = fresh();
    await takeIn(index, log);
    const leaves = log.filter((e) => e.subject !== CHECKPOINT_SUBJECT).map((e) => leafHash(e.data));
    const tree = new MerkleTree(leaves);
    const chunks = [...index.chunkHashes(0, 1e9)];
    expect(chunks.length).toBe(Math.floor(leaves.length / CHUNK_LEAVES));
    expect(chunks.map(toHex)).toEqual(
      chunks.map((_, c) => toHex(foldHashes(leaves.slice(c * CHUNK_LEAVES, (c + 1) * CHUNK_LEAVES)))),
    );
    const records = log.filter((e) => e.subject !== CHECKPOINT_SUBJECT);
    for (const [m, size] of [
      [0, leaves.length],
      [5_000, leaves.length],
      [leaves.length - 1, leaves.length],
      [3_000, 6_000],
    ] as const) {
      const root = toHex(tree.root(size));
      const proof = inclusionFromIndex(index, m, records[m]!.data, size, root);
      expect(proof.map(toHex)).toEqual(tree.inclusionProof(m, size).map(toHex));
      // A row made to answer with other bytes (and their hash) is refused, though chunk hashes hide its place.
      const other = Buffer.from(`${Buffer.from(records[m]!.data).toString()} `);
      expect(() => inclusionFromIndex(index, m, other, size, root)).toThrow(
        expect.objectContaining({ code: 'ERR_AUDIT_INDEX' }),
      );
    }

    const compare = () => {
      const comparer = new IndexComparer(index);
      for (const e of log) if (e.subject !== CHECKPOINT_SUBJECT) comparer.add(leafHash(e.data), e);
      return comparer.report();
    };
    expect(compare()).toMatchObject({ ok: true, rows: leaves.length });
    index.db.prepare('UPDATE chunks SET hash = zeroblob(32) WHERE chunk = 3').run();
    expect(compare()).toMatchObject({
      ok: false,
      problem: { leaf: 4 * CHUNK_LEAVES - 1, what: expect.stringMatching(/hash of leaves 3072 to 4095/) },
    });
    index.close();
  });
});

describe('what the learning figures read of a record', () => {
  it('moves the same figures as the whole record', () => {
    const earlier = [
      {},
      { firstOfSignal: true },
      { firstAlertOfSystem: true, earliestObserved: '2026-01-01T00:00:00.000Z' },
    ];
    const records = parseRecords(log);
    const open = (decisionId: string) => ({
      decisionId,
      cell: { month: '2026-01', region: 'flevoland', kind: 'POLICE', category: 'DEBT' },
      decidedAt: '2026-01-01T00:00:00.000Z',
      hold: true,
      dueAt: ['2026-01-02T00:00:00.000Z'],
    });
    let humans = 0;
    for (const r of [...records.decisions, ...records.disclosures] as unknown as Record<string, unknown>[])
      for (const e of earlier) {
        const of = (r.human as { of?: string } | undefined)?.of;
        const withOpen = of ? { ...e, open: open(of) } : e;
        if (of) humans++;
        expect(measure(learningPart(r), withOpen)).toEqual(measure(r, withOpen));
      }
    expect(humans).toBeGreaterThan(0);
  });
});
