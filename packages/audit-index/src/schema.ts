/**
 * The read model's tables. One row per record of the log (`records`, keyed by its leaf index
 * in the Merkle log, with the columns the queries filter on and where the record's bytes are
 * in the body file beside it, bodies.ts), and one row per thing a record names that a query
 * looks up by (`links`): a person's pseudonym (`p:`), a household key (`h:`), a decision a
 * disclosure carried (`d:`), the agency whose decision it carried (`a:`). Checkpoints are
 * kept as signed (`checkpoints`): not leaves, but what a proof of a row is made against;
 * their signature is checked whenever one is used. `chunks` holds the subtree hash of every
 * whole run of CHUNK_LEAVES leaves (@samenhang/merkle), which a proof is made from.
 */
// 2: the records' bytes beside the index (bodies.ts); 3: the learning figures, kept at ingest
// (learning-table.ts); 4: decisions found by signal alone and by agency in time order; 5: the
// subtree hash of every chunk of the log (`chunks`), so a proof reads a chunk's hash, not its leaves;
// 6: a build's links held a batch to a row (LINKS_LOAD).
export const SCHEMA_VERSION = 6;

/**
 * Earlier versions whose finished index is this version's as it is: only a build under way
 * differs, so such an index is taken over (its version number raised) rather than built again,
 * which at ten million records takes minutes in which no query is answered.
 */
export const SAME_ONCE_BUILT: readonly number[] = [5];

export const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  leaf INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  id TEXT,
  time TEXT NOT NULL,
  agency TEXT,
  signal TEXT,
  recipient TEXT,
  viewer TEXT,
  observed TEXT,
  hash BLOB NOT NULL,
  body_at INTEGER NOT NULL,
  body_len INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS links (key TEXT NOT NULL, leaf INTEGER NOT NULL, PRIMARY KEY (key, leaf)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (seq INTEGER PRIMARY KEY, tree_size INTEGER NOT NULL, jws TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (chunk INTEGER PRIMARY KEY, hash BLOB NOT NULL);
`;

/** The indexes taking a record in looks up by: kept while the index is built (AuditIndex.beginBuild). */
export const LOOKUP_INDEXES = `
CREATE INDEX IF NOT EXISTS records_by_id ON records (id);
CREATE INDEX IF NOT EXISTS decisions_by_signal ON records (signal, agency) WHERE type = 'decision';
`;

/** The indexes only queries use: made once, after a build, by sorting rather than row by row. */
export const QUERY_INDEXES = `
CREATE INDEX IF NOT EXISTS records_by_time ON records (type, time);
CREATE INDEX IF NOT EXISTS decisions_by_agency ON records (agency, time) WHERE type = 'decision';
CREATE INDEX IF NOT EXISTS disclosures_by_recipient ON records (recipient, time) WHERE type = 'disclosure';
CREATE INDEX IF NOT EXISTS disclosures_by_viewer ON records (viewer, time) WHERE viewer IS NOT NULL;
`;

export const DROP_QUERY_INDEXES = `
DROP INDEX IF EXISTS records_by_time;
DROP INDEX IF EXISTS decisions_by_agency;
DROP INDEX IF EXISTS disclosures_by_recipient;
DROP INDEX IF EXISTS disclosures_by_viewer;
`;

/**
 * Links taken in while the index is built: a batch's links as one JSON array of [key, leaf]
 * in one row, then moved into `links` in key order in one sorted pass when the build is done
 * (AuditIndex.finishBuild). A row a link cost a statement a link, ~4 a record; SQLite reads
 * the arrays back at the end faster than the statements took them in.
 */
export const LINKS_LOAD = 'CREATE TABLE IF NOT EXISTS links_load (links TEXT NOT NULL);';

/** The links a build held, into `links` in key order. */
export const LINKS_UNLOAD = `INSERT OR IGNORE INTO links (key, leaf)
  SELECT j.value ->> 0, j.value ->> 1 FROM links_load, json_each(links_load.links) AS j ORDER BY 1, 2;`;

/** Keys of `links`. */
export const link = {
  person: (pseudonym: string) => `p:${pseudonym}`,
  household: (key: string) => `h:${key}`,
  decision: (decisionId: string) => `d:${decisionId}`,
  agency: (agency: string) => `a:${agency}`,
} as const;
