import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CHECKPOINT_SUBJECT, type AuditRecords, type DisclosureRecord, type LogEntry } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';
import { SamenhangError } from '@samenhang/errors';
import { leafHash } from '@samenhang/merkle';
import {
  concerningPart,
  decisionsById,
  findDecisions,
  findDisclosures,
  type DecisionQuery,
  type DisclosureQuery,
  type Page,
} from './queries.js';
import { learningDimensions, learningRows, type LearningFilter, type LearningRow } from './learning-figures.js';
import { LEARNING_RESET, LearningTable } from './learning-table.js';
import { rowFields } from './row.js';
import { SCHEMA, SCHEMA_VERSION, link } from './schema.js';

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
  private readonly statements;
  private readonly learningTable: LearningTable;

  private constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      this.db = new Database(file);
      chmodSync(file, 0o600);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 10000');
      this.db.exec(SCHEMA);
    } catch (e) {
      throw new SamenhangError('ERR_AUDIT_INDEX', `the audit index ${file} cannot be opened: run audit reindex`, {
        cause: e,
      });
    }
    const version = this.db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as number | undefined;
    if (version === undefined) this.db.prepare("INSERT INTO meta VALUES ('schema', ?)").run(SCHEMA_VERSION);
    else if (version !== SCHEMA_VERSION) {
      this.db.close();
      throw new SamenhangError(
        'ERR_AUDIT_INDEX',
        `the audit index was made by schema ${version}, this version reads ${SCHEMA_VERSION}: run audit reindex`,
      );
    }
    this.learningTable = new LearningTable(this.db);
    this.statements = {
      meta: this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: this.db.prepare('INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      insert: this.db.prepare(
        'INSERT INTO records (leaf, seq, type, id, time, agency, signal, recipient, viewer, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      link: this.db.prepare('INSERT OR IGNORE INTO links (key, leaf) VALUES (?, ?)'),
      agencyOf: this.db.prepare("SELECT agency FROM records WHERE id = ? AND type = 'decision' LIMIT 1").pluck(),
    };
  }

  static open(file: string): AuditIndex {
    return new AuditIndex(file);
  }

  status(): IndexStatus {
    return {
      records: (this.statements.meta.get('records') as number | undefined) ?? 0,
      lastSeq: (this.statements.meta.get('lastSeq') as number | undefined) ?? 0,
    };
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
  ): { added: number; gap: boolean } {
    const s = this.statements;
    const run = this.db.transaction((batch: readonly LogEntry[]) => {
      let { records, lastSeq } = this.status();
      const before = records;
      let gap = false;
      for (const e of batch) {
        if (e.seq <= lastSeq) continue;
        if (e.seq !== lastSeq + 1 && read === 'delivered') {
          gap = true;
          break;
        }
        lastSeq = e.seq;
        if (e.subject === CHECKPOINT_SUBJECT) continue;
        const body = Buffer.from(e.data).toString('utf8');
        let parsed: Record<string, unknown> = {};
        try {
          const v = JSON.parse(body);
          if (v && typeof v === 'object') parsed = v as Record<string, unknown>;
        } catch {
          /* unreadable: still a leaf of the tree, so still a row (type 'unknown') */
        }
        const r = rowFields(parsed);
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
          leafHash(e.data),
          body,
        );
        for (const key of r.links) s.link.run(key, leaf);
        const agencies = new Set<string>();
        for (const id of r.carried) {
          const agency = s.agencyOf.get(id) as string | null | undefined;
          if (agency) agencies.add(agency);
        }
        for (const a of agencies) s.link.run(link.agency(a), leaf);
        this.learningTable.take(parsed, leaf);
      }
      s.setMeta.run('records', records);
      s.setMeta.run('lastSeq', lastSeq);
      return { added: records - before, gap };
    });
    return run.immediate(entries);
  }

  /** Empties the index (`audit reindex`), in one transaction: the next catch-up takes in the whole log. */
  reset(): void {
    this.db
      .transaction(() => {
        this.db.exec("DELETE FROM records; DELETE FROM links; DELETE FROM meta WHERE key IN ('records', 'lastSeq');");
        this.db.exec(LEARNING_RESET);
      })
      .immediate();
  }

  decisions(q: DecisionQuery): Page<DecisionRecord> {
    return findDecisions(this.db, q);
  }

  disclosures(q: DisclosureQuery): Page<DisclosureRecord> {
    return findDisclosures(this.db, q);
  }

  decisionsById(ids: readonly string[]): DecisionRecord[] {
    return decisionsById(this.db, ids);
  }

  /** Every record that can concern one person (see concerningPart). */
  concerning(person: string): AuditRecords {
    return concerningPart(this.db, person);
  }

  /** The learning figures per month and region, suppressed (docs/learning.md): counts, never ids. */
  learning(filter: LearningFilter = {}, by: 'month-region' | 'month' = 'month-region'): LearningRow[] {
    return learningRows(this.db, filter, by);
  }

  /** The regions, agency kinds, categories and months the learning figures hold. */
  learningDimensions(): ReturnType<typeof learningDimensions> {
    return learningDimensions(this.db);
  }

  close(): void {
    this.db.close();
  }
}
