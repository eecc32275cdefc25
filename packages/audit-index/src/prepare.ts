import { CHECKPOINT_SUBJECT, type LogEntry } from '@samenhang/audit-log';
import { leafHash } from '@samenhang/merkle';
import { learningPart } from './learning-measure.js';
import { rowFields, type RowFields } from './row.js';

/**
 * What taking one entry of the log in needs that its bytes alone decide: its row's columns
 * and links, its leaf hash, and the part of it the learning figures read. Everything that
 * needs the index (is this the signal's first decision, which agency made a carried
 * decision) is left to the store. Pure, so a long catch-up does it in a worker thread
 * (prepare-worker.ts) on the second core while the store writes the batch before.
 */
export type Prepared = PreparedCheckpoint | PreparedRecord;

export interface PreparedCheckpoint {
  readonly seq: number;
  /** The checkpoint as signed (a compact JWS). */
  readonly checkpoint: string;
}

export interface PreparedRecord {
  readonly seq: number;
  readonly row: RowFields;
  readonly hash: Uint8Array;
  /** What the learning figures read of the record (learningPart); null for a record of no type its subject allows, or one they cannot read. */
  readonly learning: Record<string, unknown> | null;
}

const text = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');

/** A record's fields as logged; an unreadable one is still a leaf of the tree, so still a row (of type 'unknown'). */
export function parseRecord(data: Uint8Array): Record<string, unknown> {
  try {
    const v = JSON.parse(text(data));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function prepare(e: LogEntry): Prepared {
  if (e.subject === CHECKPOINT_SUBJECT) return { seq: e.seq, checkpoint: text(e.data) };
  const parsed = parseRecord(e.data);
  const row = rowFields(parsed, e.subject);
  // Only a record of the type its subject allows moves a figure.
  let learning: Record<string, unknown> | null = null;
  if (row.type !== 'unknown')
    try {
      learning = learningPart(parsed);
    } catch {
      /* a field of the wrong kind: left out of the figures, the record itself is a row like any other */
    }
  return { seq: e.seq, row, hash: leafHash(e.data), learning };
}
