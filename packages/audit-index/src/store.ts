import { chmodSync, closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditRecords, DisclosureRecord, LogEntry } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';
import { SamenhangError } from '@samenhang/errors';
import { CHUNK_LEAVES, foldHashes } from '@samenhang/merkle';
import {
  concerningPart,
  decisionsById,
  findDecisions,
  findDisclosures,
  type DecisionQuery,
  type DisclosureQuery,
  type Page,
} from './queries.js';
import { BodyFile } from './bodies.js';
import { learningDimensions, learningRows, type LearningFilter, type LearningRow } from './learning-figures.js';
import { LEARNING_RESET, LearningTable } from './learning-table.js';
import { prepare, type Prepared } from './prepare.js';
import {
  DROP_QUERY_INDEXES,
  LINKS_LOAD,
  LINKS_UNLOAD,
  LOOKUP_INDEXES,
  QUERY_INDEXES,
  SAME_ONCE_BUILT,
  SCHEMA_VERSION,
  TABLES,
  link,
} from './schema.js';

/** The tree size a checkpoint claims, read without checking it (-1 if unreadable): only to find one. */
function treeSizeOf(jws: string): number {
  try {
    const size = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')).treeSize;
    return Number.isInteger(size) ? size : -1;
  } catch {
    return -1;
  }
}

const LOAD_LINKS = 'INSERT INTO links_load (links) VALUES (?)';
const IS_BUILDING = "SELECT 1 FROM meta WHERE key = 'building'";

export interface IndexStatus {
  /** Records indexed: the next record's leaf index in the Merkle log. */
  readonly records: number;
  /** The last stream sequence taken in (a record or a checkpoint). */
  readonly lastSeq: number;
}

/**
 * The audit log's read model in SQLite: disposable (rebuilt from the log by `audit reindex`),
 * never the evidence. Every record of the log is a row under its leaf index, so any answer
 * can be proven against a signed checkpoint. Several processes may open it (the console
 * follows the log, the CLI catches up before it answers): taking in is idempotent by stream
 * sequence, in one write transaction at a time.
 */
export class AuditIndex {
  readonly db: Database.Database;
  private readonly bodies: BodyFile;
  private readonly statements;
  private readonly learningTable: LearningTable;

  private constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    chmodSync(dirname(file), 0o700);
    try {
      // Made 0600 before SQLite opens it: never readable by others, not even for a moment.
      closeSync(openSync(file, 'a', 0o600));
      chmodSync(file, 0o600);
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 10000');
      // A build's last transaction writes every link once more: the WAL is cut back afterwards.
      this.db.pragma('journal_size_limit = 67108864');
      // 16 MiB of pages: at scale the trees looked up by are hundreds of MiB whatever the cache
      // (the operating system's file cache serves them); 32 MiB built no faster and held more.
      this.db.pragma('cache_size = -16384');
      this.db.exec(TABLES + LOOKUP_INDEXES);
      this.bodies = new BodyFile(`${file}.bodies`);
    } catch (e) {
      throw new SamenhangError('ERR_AUDIT_INDEX', `the audit index ${file} cannot be opened: run audit reindex`, {
        cause: e,
      });
    }
    const version = this.db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as number | undefined;
    if (version === undefined) this.db.prepare("INSERT INTO meta VALUES ('schema', ?)").run(SCHEMA_VERSION);
    else if (SAME_ONCE_BUILT.includes(version) && !this.building())
      this.db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(SCHEMA_VERSION);
    else if (version !== SCHEMA_VERSION) {
      this.close();
      throw new SamenhangError(
        'ERR_AUDIT_INDEX',
        `the audit index was made by schema ${version}, this version reads ${SCHEMA_VERSION}: run audit reindex`,
      );
    }
    if (!this.building()) this.db.exec(QUERY_INDEXES);
    this.learningTable = new LearningTable(this.db);
    this.statements = {
      meta: this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: this.db.prepare('INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      insert: this.db.prepare(
        'INSERT INTO records (leaf, seq, type, id, time, agency, signal, recipient, viewer, observed, hash, body_at, body_len) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      link: this.db.prepare('INSERT OR IGNORE INTO links (key, leaf) VALUES (?, ?)'),
      building: this.db.prepare(IS_BUILDING).pluck(),
      agencyOf: this.db
        .prepare("SELECT agency FROM records INDEXED BY records_by_id WHERE id = ? AND type = 'decision' LIMIT 1")
        .pluck(),
      checkpoint: this.db.prepare('INSERT OR REPLACE INTO checkpoints (seq, tree_size, jws) VALUES (?, ?, ?)'),
      leafHashes: this.db.prepare('SELECT hash FROM records WHERE leaf >= ? AND leaf < ? ORDER BY leaf').pluck(),
      chunkHashes: this.db.prepare('SELECT hash FROM chunks WHERE chunk >= ? AND chunk < ? ORDER BY chunk').pluck(),
      chunk: this.db.prepare('INSERT OR REPLACE INTO chunks (chunk, hash) VALUES (?, ?)'),
    };
  }

  static open(file: string): AuditIndex {
    return new AuditIndex(file);
  }

  /**
   * The index, or — when it was made by another schema version or is damaged past opening —
   * a new empty one that the next catch-up fills: it is disposable, so an upgrade needs no
   * step of its own.
   */
  static openOrRebuild(file: string): AuditIndex {
    try {
      return new AuditIndex(file);
    } catch (e) {
      if (!(e instanceof SamenhangError && e.code === 'ERR_AUDIT_INDEX')) throw e;
      return AuditIndex.emptied(file);
    }
  }

  /**
   * An empty index (`audit reindex`): emptied in place, so a console that has it open goes on
   * with it; or, when it was made by another schema version (nothing can use it then), made anew.
   */
  static emptied(file: string): AuditIndex {
    try {
      const index = new AuditIndex(file);
      index.reset();
      return index;
    } catch (e) {
      if (!(e instanceof SamenhangError && e.code === 'ERR_AUDIT_INDEX')) throw e;
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}.bodies`]) rmSync(f, { force: true });
      return new AuditIndex(file);
    }
  }

  status(): IndexStatus {
    return {
      records: (this.statements.meta.get('records') as number | undefined) ?? 0,
      lastSeq: (this.statements.meta.get('lastSeq') as number | undefined) ?? 0,
    };
  }

  /** Whether the index is being built (beginBuild): a query then refuses it. */
  building(): boolean {
    // Prepared here, not kept: the constructor asks before its statements exist.
    return this.db.prepare(IS_BUILDING).pluck().get() === 1;
  }

  /**
   * Starts a build, when the index holds nothing yet (a new index, or after `reset`): the
   * indexes only queries use are dropped and each batch's links are appended to a table of
   * their own, so taking in a long log writes each row once, in order, instead of into trees
   * keyed at random (at ten million records that cost more than everything else);
   * `finishBuild` makes them by sorting. A build left unfinished (the process stopped) goes on
   * with the next catch-up, in whichever process. Returns whether the index is being built.
   */
  beginBuild(): boolean {
    return this.db
      .transaction(() => {
        const { records, lastSeq } = this.status();
        if (!this.building() && (records > 0 || lastSeq > 0)) return false;
        this.db.exec(DROP_QUERY_INDEXES + LINKS_LOAD);
        this.statements.setMeta.run('building', 1);
        return true;
      })
      .immediate();
  }

  /** Ends a build: the links in key order, the query indexes made. Does nothing when none is under way. */
  finishBuild(): void {
    this.db
      .transaction(() => {
        if (!this.building()) return;
        this.db.exec(
          `${LINKS_UNLOAD} DROP TABLE links_load; ${QUERY_INDEXES} DELETE FROM meta WHERE key = 'building';`,
        );
      })
      .immediate();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Runs a query in one read transaction (a snapshot: an `audit reindex` meanwhile empties
   * nothing under it), and not while the index is being built: it would answer from part.
   */
  private read<T>(query: () => T): T {
    return this.db.transaction(() => {
      if (this.building())
        throw new SamenhangError('ERR_AUDIT_INDEX', 'the audit index is being built: ask again when it is done');
      return query();
    })();
  }

  /** How many times the index was emptied (`reset`): a run taken in for one emptying must not land in the next. */
  generation(): number {
    return (this.statements.meta.get('generation') as number | undefined) ?? 0;
  }

  /** Where a catch-up starts, and the generation it reads for, in one read: an emptying between the two would go unseen. */
  position(): { lastSeq: number; generation: number } {
    return this.db.transaction(() => ({ lastSeq: this.status().lastSeq, generation: this.generation() }))();
  }

  /**
   * Takes in entries of the AUDIT stream in stream order. Entries at or before the last
   * sequence taken in are skipped (another process took them in first), so following and
   * catching up may overlap. An entry that does not follow the last one taken in stops the
   * batch (`gap`): the index was rebuilt meanwhile, or the caller missed something, and a
   * catch-up from the log must fill it — unless the entries come from a read of everything
   * after the last sequence (`read: 'after-last'`), where a gap is one in the stream itself.
   * Returns how many records were added.
   */
  ingest(
    entries: readonly LogEntry[],
    read: 'after-last' | 'delivered' = 'delivered',
    generation?: number,
  ): { added: number; gap: boolean } {
    return this.ingestPrepared(entries, entries.map(prepare), read, generation);
  }

  /**
   * `ingest`, with what each entry's bytes alone decide already made (`prepared[i]` of
   * `entries[i]`, by prepare.ts; a long catch-up makes it in a worker thread). A read of
   * everything after the last sequence names the `generation` it was read for: if the index
   * was emptied since (`audit reindex` in another process), its entries would land at the
   * wrong leaves, so they are refused (ERR_AUDIT_INDEX) and the next catch-up starts over.
   */
  ingestPrepared(
    entries: readonly LogEntry[],
    prepared: readonly Prepared[],
    read: 'after-last' | 'delivered' = 'delivered',
    generation?: number,
  ): { added: number; gap: boolean } {
    const s = this.statements;
    const run = this.db.transaction(() => {
      if (generation !== undefined && generation !== this.generation())
        throw new SamenhangError('ERR_AUDIT_INDEX', 'the audit index was emptied meanwhile (audit reindex): ask again');
      let { records, lastSeq } = this.status();
      const before = records;
      let gap = false;
      const bodiesAt = (s.meta.get('bodies') as number | undefined) ?? 0;
      let at = bodiesAt;
      const bytes: Uint8Array[] = [];
      const building = s.building.get() === 1;
      const links: [string, number][] = [];
      this.learningTable.begin();
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        const p = prepared[i]!;
        if (e.seq <= lastSeq) continue;
        if (e.seq !== lastSeq + 1 && read === 'delivered') {
          gap = true;
          break;
        }
        lastSeq = e.seq;
        if ('checkpoint' in p) {
          s.checkpoint.run(e.seq, treeSizeOf(p.checkpoint), p.checkpoint);
          continue;
        }
        const r = p.row;
        const leaf = records++;
        s.insert.run(
          leaf,
          e.seq,
          r.type,
          r.id,
          r.time,
          r.agency,
          r.signal,
          r.recipient,
          r.viewer,
          r.observed,
          Buffer.from(p.hash.buffer, p.hash.byteOffset, p.hash.byteLength),
          at,
          e.data.length,
        );
        bytes.push(e.data);
        at += e.data.length;
        for (const key of r.links) links.push([key, leaf]);
        const agencies = new Set<string>();
        for (const id of r.carried) {
          const agency = s.agencyOf.get(id) as string | null | undefined;
          if (agency) agencies.add(agency);
        }
        for (const a of agencies) links.push([link.agency(a), leaf]);
        if (p.learning)
          try {
            this.learningTable.take(p.learning, leaf);
          } catch {
            /* left out of the figures: the record itself is a row like any other */
          }
      }
      // The chunks this batch completed, from their rows' leaf hashes.
      for (let c = Math.floor(before / CHUNK_LEAVES); c < Math.floor(records / CHUNK_LEAVES); c++)
        s.chunk.run(c, foldHashes(this.leafHashes(c * CHUNK_LEAVES, (c + 1) * CHUNK_LEAVES)));
      if (building) {
        if (links.length > 0) this.db.prepare(LOAD_LINKS).run(JSON.stringify(links));
      } else {
        // In key order: a batch's inserts then touch each page of the tree once, not at random.
        links.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
        for (const [key, leaf] of links) s.link.run(key, leaf);
      }
      this.learningTable.flush();
      this.bodies.write(bodiesAt, bytes);
      s.setMeta.run('bodies', at);
      s.setMeta.run('records', records);
      s.setMeta.run('lastSeq', lastSeq);
      return { added: records - before, gap };
    });
    try {
      return run.immediate();
    } catch (e) {
      // Another process held the index for longer than the busy timeout: a build finishing
      // (it sorts every link in one transaction). Nothing was taken in; asking again works.
      if ((e as { code?: string }).code === 'SQLITE_BUSY')
        throw new SamenhangError('ERR_AUDIT_INDEX', 'the audit index is busy (a build is finishing): ask again', {
          cause: e,
        });
      throw e;
    }
  }

  /** Empties the index (`audit reindex`), in one transaction: the next catch-up takes in the whole log. */
  reset(): void {
    this.db
      .transaction(() => {
        this.db.exec(
          `DELETE FROM records; DELETE FROM links; DELETE FROM checkpoints; DELETE FROM chunks; DROP TABLE IF EXISTS links_load;
           DELETE FROM meta WHERE key IN ('records', 'lastSeq', 'bodies', 'building'); ${QUERY_INDEXES}`,
        );
        this.bodies.truncate();
        this.db.exec(LEARNING_RESET);
        this.statements.setMeta.run('generation', this.generation() + 1);
      })
      .immediate();
  }

  decisions(q: DecisionQuery): Page<DecisionRecord> {
    return this.read(() => findDecisions(this, q));
  }

  disclosures(q: DisclosureQuery): Page<DisclosureRecord> {
    return this.read(() => findDisclosures(this, q));
  }

  decisionsById(ids: readonly string[]): DecisionRecord[] {
    return this.read(() => decisionsById(this, ids));
  }

  /** Every record that can concern one person (see concerningPart). */
  concerning(person: string): AuditRecords {
    return this.read(() => concerningPart(this, person));
  }

  /** A record's bytes as logged, where a row says they are. */
  body(row: { readonly body_at: number; readonly body_len: number }): Buffer {
    return this.bodies.read(row.body_at, row.body_len);
  }

  /** A record's row by its id (decision, disclosure, erasure or assignment id), with its bytes as logged. */
  row(id: string): { leaf: number; hash: Buffer; body: Buffer } | undefined {
    const r = this.db
      .prepare(
        'SELECT leaf, hash, body_at, body_len FROM records INDEXED BY records_by_id WHERE id = ? ORDER BY leaf LIMIT 1',
      )
      .get(id) as { leaf: number; hash: Buffer; body_at: number; body_len: number } | undefined;
    return r && { leaf: r.leaf, hash: r.hash, body: this.body(r) };
  }

  /** The newest checkpoint taken in, as signed (to be verified by whoever uses it). */
  latestCheckpoint(): string | undefined {
    return this.db.prepare('SELECT jws FROM checkpoints ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined;
  }

  /** The leaf hashes of rows [from, to), in leaf order. */
  leafHashes(from: number, to: number): Iterable<Buffer> {
    return this.statements.leafHashes.iterate(from, to) as Iterable<Buffer>;
  }

  /** The subtree hashes of chunks [from, to) (CHUNK_LEAVES rows each), in order. */
  chunkHashes(from: number, to: number): Iterable<Buffer> {
    return this.statements.chunkHashes.iterate(from, to) as Iterable<Buffer>;
  }

  /** The learning figures per month and region, suppressed (docs/learning.md): counts, never ids. */
  learning(filter: LearningFilter = {}, by: 'month-region' | 'month' = 'month-region'): LearningRow[] {
    return this.read(() => learningRows(this.db, filter, by));
  }

  /** The regions, agency kinds, categories and months the learning figures hold. */
  learningDimensions(): ReturnType<typeof learningDimensions> {
    return this.read(() => learningDimensions(this.db));
  }

  close(): void {
    this.db.close();
    this.bodies.close();
  }
}
