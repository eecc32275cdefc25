import Database from 'better-sqlite3';
import type { LogEntry } from '@samenhang/audit-log';
import { CHUNK_LEAVES, CompactTree, equal } from '@samenhang/merkle';
import { BodyFile } from './bodies.js';
import { parseRecord } from './prepare.js';
import { rowFields, type RowFields } from './row.js';
import { link } from './schema.js';
import type { AuditIndex } from './store.js';

export interface IndexComparison {
  readonly ok: boolean;
  readonly rows: number;
  /** The first row that differs from the log, and how. */
  readonly problem?: { readonly leaf?: number; readonly what: string };
}

/** A row as stored: its columns (as RowFields names them), its leaf hash and where its bytes are. */
type StoredRow = Pick<RowFields, (typeof COLUMNS)[number]> & {
  readonly leaf: number;
  readonly hash: Buffer;
  readonly body_at: number;
  readonly body_len: number;
};

const COLUMNS = ['type', 'id', 'time', 'agency', 'signal', 'recipient', 'viewer', 'observed'] as const;

/**
 * Compares the index with the log, row by row, as the log is read: each row's leaf hash and
 * bytes against the log's entry at that index, its columns against what the entry's record
 * makes of them, and every link a query finds the row by. What the queries answer from is
 * thereby what the log holds (a link added beside them finds nothing the pure reports keep:
 * they filter by the records' own fields). It reads through a connection and file handle of
 * its own, so the console's follower goes on writing meanwhile. The caller hands in the log's
 * records in order with `add` (the pass that verifies the log computed the leaf hashes) and
 * must call `report` (or `close`) at the end, whatever happened.
 */
export class IndexComparer {
  private readonly db: Database.Database;
  private readonly bodies: BodyFile;
  private readonly rows: Iterator<StoredRow>;
  private readonly hasLink: Database.Statement;
  private readonly agencyOf: Database.Statement;
  private readonly chunkHash: Database.Statement;
  /** The log's leaves of the chunk being read, to compare with the chunk hash the index keeps. */
  private chunk = CompactTree.empty();
  /** The rows the index held when the comparison began: the log may grow meanwhile. */
  private readonly size: number;
  private count = 0;
  private problem: IndexComparison['problem'];
  private readonly read: (at: number, length: number) => Buffer;

  constructor(index: AuditIndex) {
    this.size = index.status().records;
    // Half built, its links are not yet where queries look: nothing to compare until the build is done.
    if (index.building()) this.problem = { what: 'the audit index is being built: compare it once the build is done' };
    this.db = new Database(index.file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 10000');
    this.bodies = new BodyFile(`${index.file}.bodies`, 'read');
    this.read = this.bodies.inOrder();
    this.hasLink = this.db.prepare('SELECT 1 FROM links WHERE key = ? AND leaf = ?').pluck();
    this.chunkHash = this.db.prepare('SELECT hash FROM chunks WHERE chunk = ?').pluck();
    this.agencyOf = this.db
      .prepare("SELECT agency FROM records INDEXED BY records_by_id WHERE id = ? AND type = 'decision' LIMIT 1")
      .pluck();
    // One read transaction for the whole pass: a snapshot, whatever is taken in meanwhile.
    this.db.exec('BEGIN');
    this.rows = (
      this.db
        .prepare(
          'SELECT leaf, type, id, time, agency, signal, recipient, viewer, observed, hash, body_at, body_len FROM records WHERE leaf < ? ORDER BY leaf',
        )
        .iterate(this.size) as Iterable<StoredRow>
    )[Symbol.iterator]();
  }

  /** The log's next record (not a checkpoint) and its leaf hash. */
  add(logLeaf: Uint8Array, entry: LogEntry): void {
    if (this.problem || this.count >= this.size) return;
    const leaf = this.count++;
    const next = this.rows.next();
    if (next.done) {
      this.problem = { leaf, what: `the index lost its rows from ${leaf} on: audit reindex` };
      return;
    }
    const row = next.value;
    if (!row.hash.equals(logLeaf)) this.problem = { leaf, what: `index row ${leaf} is not the log's entry ${leaf}` };
    else if (!this.read(row.body_at, row.body_len).equals(entry.data))
      this.problem = { leaf, what: `index row ${leaf} answers with a record that differs from the log's` };
    else {
      const what = this.differs(row, expected(entry));
      if (what) this.problem = { leaf, what: `index row ${leaf} ${what}` };
    }
    this.chunk.append(logLeaf);
    if (this.chunk.size < CHUNK_LEAVES) return;
    const c = (leaf + 1) / CHUNK_LEAVES - 1;
    const stored = this.chunkHash.get(c) as Buffer | undefined;
    if (!this.problem && !(stored && equal(stored, this.chunk.root())))
      this.problem = { leaf, what: `the index's hash of leaves ${c * CHUNK_LEAVES} to ${leaf} is not the log's` };
    this.chunk = CompactTree.empty();
  }

  /** How a row's columns or links differ from what its record makes of them, if they do. */
  private differs(row: StoredRow, want: RowFields): string | undefined {
    for (const c of COLUMNS) if (row[c] !== want[c]) return `has another ${c} than its record`;
    const agencies = new Set(want.carried.map((id) => this.agencyOf.get(id) as string | undefined));
    const keys = [...want.links, ...[...agencies].filter((a): a is string => !!a).map(link.agency)];
    for (const key of keys)
      if (!this.hasLink.get(key, row.leaf)) return `is not found by ${key.slice(0, 2)} as it should be`;
    return undefined;
  }

  report(): IndexComparison {
    if (!this.problem && this.count < this.size)
      this.problem = {
        leaf: this.count,
        what: `the index holds ${this.size} records, the log only ${this.count}: the log lost records the index saw`,
      };
    this.close();
    return { ok: !this.problem, rows: this.count, ...(this.problem ? { problem: this.problem } : {}) };
  }

  close(): void {
    if (!this.db.open) return;
    this.rows.return?.();
    this.db.close();
    this.bodies.close();
  }
}

const expected = (entry: LogEntry): RowFields => rowFields(parseRecord(entry.data), entry.subject);
