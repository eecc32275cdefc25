import type { X509Certificate } from 'node:crypto';
import { CompactTree, leafHash, toHex } from '@samenhang/merkle';
import { CheckpointCache, readCheckpoint, type Checkpoint } from './checkpoint.js';
import { SignatureChecker } from './signature-checker.js';

/** One message of the AUDIT stream, in stream order. */
export interface LogEntry {
  readonly seq: number;
  readonly subject: string;
  readonly data: Uint8Array;
}

export const CHECKPOINT_SUBJECT = 'samenhang.audit.checkpoints';

export interface VerifyReport {
  readonly ok: boolean;
  readonly records: number;
  readonly checkpoints: number;
  /** Records after the last checkpoint: present, but not yet covered by a signature. */
  readonly uncovered: number;
  readonly latest: { readonly treeSize: number; readonly rootHash: string } | null;
  /** The first problem found, naming the entry (leaf index and stream sequence) where there is one. */
  readonly problem?: {
    readonly index?: number;
    readonly seq?: number;
    readonly recordId?: string;
    readonly what: string;
  };
}

type Head = { readonly treeSize: number; readonly rootHash: string };

/** Checkpoints whose signatures may be checked at once: a few hundred milliseconds of the checking threads' work. */
const IN_FLIGHT = 64;
/** After this many checkpoints the log is a long one: their signatures are checked in a worker thread (SignatureChecker). */
const CHECK_IN_WORKER_AFTER = 32;
type Problem = NonNullable<VerifyReport['problem']>;

function recordId(data: Uint8Array | undefined): string | undefined {
  if (!data) return undefined;
  try {
    const r = JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
    return (r.decisionId ?? r.disclosureId ?? r.reviewId) as string | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a log as it is read, in one pass and in memory proportional to the records
 * between two checkpoints (not to the log): each checkpoint's signature, its chain to the one
 * before, the leaves it lists against the records before it, its root against the tree
 * recomputed from them, and — when a head this verifier accepted earlier is `remembered` —
 * that the log still holds that head (a log rolled back or rewritten since fails).
 * The caller hands in the entries in stream order with `add` and asks for the `report`.
 */
export class LogVerifier {
  private readonly tree = CompactTree.empty();
  /** Records read that no checkpoint covers yet: their leaf hash, stream sequence and bytes. */
  private pending: { hash: Uint8Array; seq: number; data: Uint8Array }[] = [];
  private records = 0;
  private checkpoints = 0;
  private prev: Head | null = null;
  private problem: Problem | undefined;
  /**
   * A mismatch at the last leaf a checkpoint lists: if the next checkpoint lists this record
   * first, it was moved up by one — swapped with its neighbour or with the one before it
   * removed; modified otherwise. Decided when that checkpoint (or the end) is read.
   */
  private straddling: { problem: Problem; actual: string; swapped: boolean } | undefined;
  private readonly checked = new CheckpointCache();
  /**
   * Checkpoints whose signatures are still being checked (on the thread pool, or in the SignatureChecker's worker for a long log, while records
   * are hashed here), each settling to the problem it found, if any. At most IN_FLIGHT.
   */
  private inFlight: { seq: number; problem: Promise<Problem | undefined> }[] = [];
  private signatureProblem: Problem | undefined;
  private signatures: SignatureChecker | undefined;

  constructor(
    private readonly trust: { ca: X509Certificate; trustDomain: string },
    private readonly remembered: Head | null,
  ) {}

  get failed(): boolean {
    return this.problem !== undefined || this.signatureProblem !== undefined;
  }

  private settle(nextSigned: string | undefined): void {
    const s = this.straddling!;
    this.straddling = undefined;
    const i = s.problem.index!;
    this.problem =
      nextSigned !== s.actual
        ? { ...s.problem, what: `entry ${i} was modified: its hash differs from the signed checkpoint` }
        : s.swapped
          ? { ...s.problem, what: `entries ${i} and ${i + 1} are swapped` }
          : { ...s.problem, what: `entry ${i} was removed: the entry now at ${i} was signed at ${i + 1}` };
  }

  /** Takes in the next entry of the log; a no-op once a problem was found. */
  async add(e: LogEntry): Promise<void> {
    if (e.subject === CHECKPOINT_SUBJECT) await this.checkpoint(e);
    else this.record(e);
  }

  /** Takes in a record (not a checkpoint), and returns its leaf hash, for a caller that compares more with the log. */
  record(e: LogEntry): Uint8Array {
    const hash = leafHash(e.data);
    if (this.problem) return hash;
    this.pending.push({ hash, seq: e.seq, data: e.data });
    this.records++;
    return hash;
  }

  /**
   * Takes in a checkpoint: read and checked against the records before it now, its
   * signatures checked meanwhile (report() waits for them, and a bad one is a problem at its
   * place in the log).
   */
  async checkpoint(e: LogEntry): Promise<void> {
    if (this.failed) return;
    this.checkpoints++;
    if (this.checkpoints > CHECK_IN_WORKER_AFTER) this.signatures ??= new SignatureChecker(this.trust);
    let read: ReturnType<typeof readCheckpoint>;
    try {
      read = readCheckpoint(
        Buffer.from(e.data).toString('utf8'),
        this.trust.ca,
        this.trust.trustDomain,
        this.checked,
        this.signatures,
      );
    } catch (err) {
      if (this.straddling) this.settle(undefined);
      else this.problem = { seq: e.seq, what: `checkpoint at stream sequence ${e.seq}: ${(err as Error).message}` };
      return;
    }
    this.inFlight.push({
      seq: e.seq,
      problem: read.signed.then(
        () => undefined,
        (err: Error) => ({ seq: e.seq, what: `checkpoint at stream sequence ${e.seq}: ${err.message}` }),
      ),
    });
    if (this.inFlight.length >= IN_FLIGHT) await this.settleSignatures(IN_FLIGHT / 2);
    if (this.straddling) return this.settle(read.checkpoint.leaves[0]);
    this.cover(read.checkpoint, e.seq);
  }

  /** Waits for the oldest `n` signature checks (all by default); the first bad one is kept. */
  private async settleSignatures(n = this.inFlight.length): Promise<void> {
    const done = this.inFlight.splice(0, n);
    for (const p of await Promise.all(done.map((x) => x.problem)))
      if (p && !this.signatureProblem) this.signatureProblem = p;
  }

  /** Checks one genuine checkpoint against the records read before it, and moves the covered tree on. */
  private cover(c: Checkpoint, seq: number): void {
    const prev = this.prev;
    const from = c.previous?.treeSize ?? 0;
    if (prev ? c.previous?.treeSize !== prev.treeSize || c.previous.rootHash !== prev.rootHash : c.previous !== null) {
      this.problem = {
        seq,
        what: `checkpoint of size ${c.treeSize} does not follow the checkpoint before it (size ${prev?.treeSize ?? 0})`,
      };
      return;
    }
    if (c.treeSize < from || c.leaves.length !== c.treeSize - from) {
      this.problem = { seq, what: `checkpoint of size ${c.treeSize} lists ${c.leaves.length} leaves after ${from}` };
      return;
    }
    // Name the first record that differs from what was signed, and how.
    const at = (i: number) => {
      const p = this.pending[i - from];
      return { index: i, seq: p?.seq, recordId: recordId(p?.data) };
    };
    for (let i = from; i < c.treeSize; i++) {
      const actual = this.pending[i - from] ? toHex(this.pending[i - from]!.hash) : undefined;
      const signed = c.leaves[i - from];
      if (actual === signed) continue;
      const next = this.pending[i - from + 1] ? toHex(this.pending[i - from + 1]!.hash) : undefined;
      const signedNext = c.leaves[i - from + 1];
      if (actual === undefined)
        this.problem = {
          ...at(i),
          what: `entry ${i} is missing: the signed log has ${c.treeSize} records, this one ${this.records} before that checkpoint`,
        };
      else if (actual === signedNext && next === signed)
        this.problem = { ...at(i), what: `entries ${i} and ${i + 1} are swapped` };
      else if (signedNext === undefined)
        this.straddling = { problem: { ...at(i), what: '' }, actual, swapped: next === signed };
      else if (actual === signedNext)
        this.problem = { ...at(i), what: `entry ${i} was removed: the entry now at ${i} was signed at ${i + 1}` };
      else this.problem = { ...at(i), what: `entry ${i} was modified: its hash differs from the signed checkpoint` };
      return;
    }
    for (const p of this.pending.splice(0, c.treeSize - from)) {
      this.tree.append(p.hash);
      const r = this.remembered;
      if (r && this.tree.size === r.treeSize && toHex(this.tree.root()) !== r.rootHash) {
        this.problem = {
          what: `the log is not consistent with the checkpoint of size ${r.treeSize} verified before: it was rewritten`,
        };
        return;
      }
    }
    if (toHex(this.tree.root()) !== c.rootHash) {
      this.problem = { seq, what: `checkpoint of size ${c.treeSize}: root hash does not match the records` };
      return;
    }
    this.prev = { treeSize: c.treeSize, rootHash: c.rootHash };
  }

  /** Stops the signature worker, if one was started; report() does, and a caller that stops early must. */
  async close(): Promise<void> {
    const s = this.signatures;
    this.signatures = undefined;
    await s?.close();
  }

  async report(): Promise<VerifyReport> {
    await this.settleSignatures();
    await this.close();
    if (this.straddling) this.settle(undefined);
    const base = { records: this.records, checkpoints: this.checkpoints, latest: this.prev };
    // A checkpoint that is not genuine comes first, unless a problem was found earlier in the log.
    const sig = this.signatureProblem;
    const first =
      sig && (!this.problem || this.problem.seq === undefined || sig.seq! < this.problem.seq) ? sig : this.problem;
    if (first) return { ok: false, ...base, uncovered: 0, problem: first };
    const r = this.remembered;
    if (r && (!this.prev || this.prev.treeSize < r.treeSize))
      return {
        ok: false,
        ...base,
        uncovered: 0,
        problem: {
          what: `the log was rolled back: it now ends at ${this.prev?.treeSize ?? 0} signed records, but a checkpoint of ${r.treeSize} was verified before`,
        },
      };
    return { ok: true, ...base, uncovered: this.records - (this.prev?.treeSize ?? 0) };
  }
}

/** Verifies a whole log (the stream as it is read, or a copy of it); see LogVerifier. */
export async function verifyLog(
  entries: Iterable<LogEntry> | AsyncIterable<LogEntry>,
  trust: { ca: X509Certificate; trustDomain: string },
  remembered: Head | null,
): Promise<VerifyReport> {
  const v = new LogVerifier(trust, remembered);
  try {
    if (Symbol.iterator in entries) {
      // A copy in hand: records are taken in synchronously, only checkpoints wait (a promise per record cost more than its hash).
      for (const e of entries) {
        if (e.subject === CHECKPOINT_SUBJECT) await v.checkpoint(e);
        else v.record(e);
        if (v.failed) break;
      }
      return await v.report();
    }
    for await (const e of entries) {
      await v.add(e);
      if (v.failed) break;
    }
    return await v.report();
  } finally {
    await v.close();
  }
}
