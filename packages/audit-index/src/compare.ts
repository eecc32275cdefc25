import type { AuditIndex } from './store.js';

export interface IndexComparison {
  readonly ok: boolean;
  readonly rows: number;
  /** The first row that differs from the log, and how. */
  readonly problem?: { readonly leaf?: number; readonly what: string };
}

/**
 * Compares the index with the log, row by row, as the log is read: each row's leaf hash
 * against the log's leaf at that index, and the record it answers with against the log's
 * bytes. The caller hands in the log's records in order with `add` (the same pass that
 * verifies the log, which computed the leaf hashes already).
 */
export class IndexComparer {
  private readonly rows: Iterator<{ hash: Buffer; body: Buffer }>;
  /** The rows the index held when the comparison began: the log may grow meanwhile. */
  private readonly size: number;
  private count = 0;
  private problem: IndexComparison['problem'];

  constructor(index: AuditIndex) {
    this.size = index.status().records;
    this.rows = index.leaves(this.size)[Symbol.iterator]();
  }

  /** The log's next record: its leaf hash and its bytes. */
  add(logLeaf: Uint8Array, logData: Uint8Array): void {
    if (this.problem || this.count >= this.size) return;
    const leaf = this.count++;
    const row = this.rows.next();
    if (row.done) {
      this.problem = { leaf, what: `the index lost its rows from ${leaf} on: audit reindex` };
      return;
    }
    if (!row.value.hash.equals(logLeaf))
      this.problem = { leaf, what: `index row ${leaf} is not the log's entry ${leaf}` };
    else if (!row.value.body.equals(logData))
      this.problem = { leaf, what: `index row ${leaf} answers with a record that differs from the log's` };
  }

  report(): IndexComparison {
    if (!this.problem && this.count < this.size)
      this.problem = {
        leaf: this.count,
        what: `the index holds ${this.size} records, the log only ${this.count}: the log lost records the index saw`,
      };
    this.rows.return?.();
    return { ok: !this.problem, rows: this.count, ...(this.problem ? { problem: this.problem } : {}) };
  }
}
