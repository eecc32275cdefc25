/**
 * The read model's tables. One row per record of the log (`records`, keyed by its leaf index
 * in the Merkle log, with the columns the queries filter on and the record as logged), and
 * one row per thing a record names that a query looks up by (`links`): a person's pseudonym
 * (`p:`), a household key (`h:`), a decision a disclosure carried (`d:`), the agency whose
 * decision it carried (`a:`). Checkpoints are not rows: they are read from the log itself.
 */
// 2: the learning figures, kept at ingest (learning-table.ts).
export const SCHEMA_VERSION = 2;

export const SCHEMA = `
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
  hash BLOB NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_id ON records (id);
CREATE INDEX IF NOT EXISTS records_by_time ON records (type, time);
CREATE INDEX IF NOT EXISTS decisions_by_signal ON records (agency, signal) WHERE type = 'decision';
CREATE INDEX IF NOT EXISTS disclosures_by_recipient ON records (recipient, time) WHERE type = 'disclosure';
CREATE INDEX IF NOT EXISTS disclosures_by_viewer ON records (viewer, time) WHERE viewer IS NOT NULL;
CREATE TABLE IF NOT EXISTS links (key TEXT NOT NULL, leaf INTEGER NOT NULL, PRIMARY KEY (key, leaf)) WITHOUT ROWID;
`;

/** Keys of `links`. */
export const link = {
  person: (pseudonym: string) => `p:${pseudonym}`,
  household: (key: string) => `h:${key}`,
  decision: (decisionId: string) => `d:${decisionId}`,
  agency: (agency: string) => `a:${agency}`,
} as const;
