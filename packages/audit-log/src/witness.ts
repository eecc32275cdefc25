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
  /** A note carries this witness's verifying cosignature, and this log extends the head it states. */
  readonly ok: boolean;
  readonly what: string;
}

/**
 * Which of the trusted witnesses saw this log. The keys are the verifier's own list (obtained
 * from each witness out of band), never taken from where the notes come from: a witness
 * anyone can make counts for nothing. For each trusted key, the cosigned notes it signed
 * (c2sp.org/tlog-cosignature) are found among `notes`; the log must extend the largest head it
 * cosigned — a log rolled back below it, or forked from it (another root at that size), fails
 * for that witness. One key is one witness, under whatever names it is listed.
 */
export async function witnessedBy(
  entries: readonly LogEntry[],
  trust: Trust,
  trustedKeys: readonly string[],
  notes: readonly string[],
  /** A cosignature older than this (ms) no longer counts: a fork after it would pass. */
  maxAgeMs = Number.POSITIVE_INFINITY,
  now = Date.now(),
): Promise<WitnessFinding[]> {
  const out: WitnessFinding[] = [];
  const seen = new Set<string>();
  for (const vkey of trustedKeys) {
    let witness = vkey.split('+')[0] ?? '?';
    try {
      const key = parseVerifierKey(vkey);
      witness = key.name;
      if (key.type !== COSIGNATURE_TYPE) throw new Error('not a cosigner key (type 0x04)');
      const raw = key.key.export({ format: 'jwk' }).x!;
      if (seen.has(raw)) continue;
      seen.add(raw);
      const signed = notes.flatMap((n) => {
        try {
          const { time } = verifyNote(parseNote(n), key);
          return [{ head: cosignedHead(n), time: time ?? 0 }];
        } catch {
          return [];
        }
      });
      if (signed.length === 0) throw new Error(`no note carries a verifying cosignature of ${witness}`);
      const { head, time } = signed.reduce((a, b) => (b.head.treeSize > a.head.treeSize ? b : a));
      const newest = Math.max(...signed.map((s) => s.time));
      if (now - newest * 1000 > maxAgeMs)
        throw new Error(`its newest cosignature is from ${new Date(newest * 1000).toISOString()}, older than allowed`);
      const report = await verifyLog(entries, trust, head);
      out.push({
        witness,
        ok: report.ok,
        what: report.ok
          ? `saw tree size ${head.treeSize} at ${new Date(time * 1000).toISOString()}; the log extends it`
          : (report.problem?.what ?? 'the log does not verify'),
      });
    } catch (e) {
      out.push({ witness, ok: false, what: (e as Error).message });
    }
  }
  return out;
}
