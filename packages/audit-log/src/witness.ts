import type { KeyObject, X509Certificate } from 'node:crypto';
import { verifyCheckpoint } from './checkpoint.js';
import {
  COSIGNATURE_TYPE,
  cosignatureLine,
  parseCheckpointBody,
  parseNote,
  parseVerifierKey,
  verifyNote,
} from './note.js';
import { CHECKPOINT_SUBJECT, verifyLog, type LogEntry } from './verify-log.js';

type Trust = { ca: X509Certificate; trustDomain: string };

/** The tree head a witness's cosigned note states. */
export function cosignedHead(note: string): { treeSize: number; rootHash: string } {
  const { treeSize, rootHash } = parseCheckpointBody(parseNote(note).body);
  return { treeSize, rootHash };
}

/**
 * A witness's turn: the log verifies and is consistent with the head this witness cosigned
 * before (`previous`, from its own state, never the broker's); then it cosigns the newest
 * checkpoint's signed note. A log rolled back or forked since is refused, naming how.
 */
export async function witnessLog(
  entries: readonly LogEntry[],
  trust: Trust,
  w: { readonly name: string; readonly key: KeyObject; readonly previous?: string },
  now = Date.now(),
): Promise<{ ok: true; note: string; treeSize: number } | { ok: false; problem: string }> {
  const previous = w.previous ? cosignedHead(w.previous) : null;
  const report = await verifyLog(entries, trust, previous);
  if (!report.ok) return { ok: false, problem: report.problem?.what ?? 'the log does not verify' };
  const last = entries.findLast((e) => e.subject === CHECKPOINT_SUBJECT);
  if (!last) return { ok: false, problem: 'the log has no checkpoint yet' };
  const c = await verifyCheckpoint(Buffer.from(last.data).toString('utf8'), trust.ca, trust.trustDomain);
  if (!c.note) return { ok: false, problem: 'the newest checkpoint carries no signed note' };
  const body = parseNote(c.note).body;
  return {
    ok: true,
    note: c.note + cosignatureLine(body, w.name, w.key, Math.floor(now / 1000)),
    treeSize: c.treeSize,
  };
}

export interface WitnessFinding {
  readonly witness: string;
  /** The witness's cosignature verifies and this log is consistent with the head it cosigned. */
  readonly ok: boolean;
  readonly what: string;
}

/**
 * Which witnesses saw this log: each one's cosigned note must carry its verifying cosignature
 * (c2sp.org/tlog-cosignature), and the log must extend the head it states — a log rolled
 * back below it, or forked from it (another root at that size), fails for that witness.
 */
export async function witnessedBy(
  entries: readonly LogEntry[],
  trust: Trust,
  views: readonly { readonly vkey: string; readonly note: string }[],
): Promise<WitnessFinding[]> {
  const out: WitnessFinding[] = [];
  for (const v of views) {
    let witness = v.vkey.split('+')[0] ?? '?';
    try {
      const key = parseVerifierKey(v.vkey);
      witness = key.name;
      if (key.type !== COSIGNATURE_TYPE) throw new Error('not a cosigner key (type 0x04)');
      const { time } = verifyNote(parseNote(v.note), key);
      const head = cosignedHead(v.note);
      const report = await verifyLog(entries, trust, head);
      out.push({
        witness,
        ok: report.ok,
        what: report.ok
          ? `saw tree size ${head.treeSize} at ${new Date((time ?? 0) * 1000).toISOString()}; the log extends it`
          : (report.problem?.what ?? 'the log does not verify'),
      });
    } catch (e) {
      out.push({ witness, ok: false, what: (e as Error).message });
    }
  }
  return out;
}
