import type { JetStreamClient, JsMsg } from 'nats';
import type { KeyObject } from 'node:crypto';
import { CHECKPOINT_SUBJECT, ORIGIN, signCheckpoint } from '@samenhang/audit-log';
import type { Logger } from '@samenhang/logging';
import { leafHash } from '@samenhang/merkle';
import { SamenhangError, isSamenhangError } from '@samenhang/errors';
import { isCasFailure } from '@samenhang/nats';
import { EMPTY_LOG, appendLeaf, rootOf, type LogState, type LogStore } from './log-state.js';
import { stateDisagreement, type StreamAt } from './state-check.js';

/**
 * Appends audit records to the Merkle log in stream order and signs checkpoints.
 * Each batch persists the compact state before its records are acknowledged, so a
 * crash loses nothing and a redelivery is skipped by its stream sequence.
 */
export class Appender {
  private firstUncoveredAt = 0;
  /** Why appending stopped: the state and the stream disagree (state-check.ts). Nothing is appended or acknowledged then. */
  private halted: string | undefined;
  private busy: Promise<void> = Promise.resolve();
  /** Sequences of checkpoint messages seen above the last record: no record to fetch there. */
  private readonly checkpointSeqs = new Set<number>();

  private state: LogState = EMPTY_LOG;

  constructor(
    private readonly store: LogStore,
    private readonly js: JetStreamClient,
    private readonly signer: { key: KeyObject; certPem: string },
    private readonly every: number,
    private readonly log: Logger,
    /** The AUDIT stream's message at a sequence, undefined where there is none. */
    private readonly streamAt: StreamAt,
  ) {}

  /** Why appending is stopped, if it is. */
  get problem(): string | undefined {
    return this.halted;
  }

  /** Since when records have waited for a checkpoint (ms since the epoch), if any wait. */
  get uncoveredSince(): number | undefined {
    return this.state.pending.length > 0 ? this.firstUncoveredAt : undefined;
  }

  get lastSeq(): number {
    return this.state.lastSeq;
  }

  get size(): number {
    return this.state.size;
  }

  /**
   * Reads the state (one KV read) and checks it against the stream (one stream read); stops
   * appending for good if they disagree. At start, on the checkpoint timer (so an overwritten
   * state is noticed while idle too), and after every reload of the state.
   */
  verify(): Promise<void> {
    return this.run(() => this.verifyNow());
  }

  private async verifyNow(): Promise<void> {
    if (this.halted) return;
    try {
      this.state = await this.store.load();
    } catch (e) {
      // A state this service did not write stops it; a server that does not answer now does not.
      if (isSamenhangError(e) && e.code === 'ERR_AUDIT_STATE') return this.halt(e.message);
      throw e;
    }
    const problem = await stateDisagreement(this.state, this.streamAt);
    if (problem) this.halt(problem);
  }

  private halt(problem: string): void {
    this.halted = problem;
    this.log.error(
      { problem },
      'audit log state and stream disagree: appending stopped, nothing more is acknowledged; see docs/audit.md',
    );
  }

  private async reload(): Promise<LogState> {
    await this.verifyNow();
    if (this.halted) throw new SamenhangError('ERR_AUDIT_STATE', this.halted);
    return this.state;
  }

  /** Serialises work: appends and checkpoints never interleave. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.busy.then(fn);
    this.busy = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /**
   * Appends a batch of records (in stream order) with one state write, then acknowledges
   * them. The log follows the stream exactly: records before a batch's first one that
   * this instance was not handed (another instance holds them, or they await
   * redelivery) are read from the stream by sequence and appended first. Whoever is
   * handed them later finds them in the log and only acknowledges them.
   */
  handleBatch(batch: readonly JsMsg[]): Promise<void> {
    return this.run(async () => {
      if (this.halted) throw new SamenhangError('ERR_AUDIT_STATE', this.halted);
      await this.publishClaimed();
      const wasCovered = this.state.pending.length === 0;
      for (let attempt = 1; ; attempt++) {
        const next = await this.appendInOrder(batch);
        try {
          if (next !== this.state) await this.commit(next);
          break;
        } catch (e) {
          // Another instance appended meanwhile: commit() took its state; decide again.
          if (attempt < 3 && isCasFailure(e)) continue;
          throw e;
        }
      }
      for (const m of batch) m.ack();
      if (wasCovered && this.state.pending.length > 0) this.firstUncoveredAt = Date.now();
      if (this.state.pending.length >= this.every) await this.checkpointNow();
    });
  }

  private async appendInOrder(batch: readonly JsMsg[]): Promise<LogState> {
    let next = this.state;
    let reloaded = false;
    for (const m of batch) {
      if (m.subject === CHECKPOINT_SUBJECT) {
        this.checkpointSeqs.add(m.seq);
        continue;
      }
      if (m.seq <= next.lastSeq) continue; // appended before (a redelivery, or by another instance)
      if (!reloaded && next === this.state && !this.onlyCheckpointsKnownBetween(next.lastSeq, m.seq)) {
        next = await this.reload(); // another instance may be ahead
        reloaded = true;
        if (m.seq <= next.lastSeq) continue;
      }
      for (let s = next.lastSeq + 1; s < m.seq; s++) {
        if (this.checkpointSeqs.has(s)) continue;
        const missing = await this.streamAt(s);
        if (!missing)
          throw new SamenhangError(
            'ERR_AUDIT_STATE',
            `the AUDIT stream has no message at sequence ${s}, below a record to append`,
          );
        if (missing.subject === CHECKPOINT_SUBJECT) this.checkpointSeqs.add(s);
        else next = appendLeaf(next, s, leafHash(missing.data));
      }
      next = appendLeaf(next, m.seq, leafHash(m.data));
    }
    for (const s of this.checkpointSeqs) if (s <= next.lastSeq) this.checkpointSeqs.delete(s);
    return next;
  }

  private onlyCheckpointsKnownBetween(from: number, to: number): boolean {
    for (let s = from + 1; s < to; s++) if (!this.checkpointSeqs.has(s)) return false;
    return true;
  }

  /** Signs a checkpoint when records are uncovered and `maxAgeMs` has passed (0: now). */
  checkpoint(maxAgeMs = 0): Promise<void> {
    return this.run(async () => {
      if (this.halted) return;
      await this.publishClaimed();
      if (this.state.pending.length > 0 && Date.now() - this.firstUncoveredAt >= maxAgeMs) await this.checkpointNow();
    });
  }

  /**
   * Claims the checkpoint in the log state first (compare-and-set), then publishes it:
   * an instance with a stale view of the log can never put its checkpoint on the
   * stream. A crash in between leaves it in `unpublished`, sent by whoever goes next.
   */
  private async checkpointNow(): Promise<void> {
    const s = this.state;
    const head = { treeSize: s.size, rootHash: rootOf(s) };
    const jws = await signCheckpoint(
      { origin: ORIGIN, ...head, time: new Date().toISOString(), previous: s.checkpoint, leaves: s.pending },
      this.signer.key,
      this.signer.certPem,
    );
    try {
      await this.commit({ ...s, pending: [], checkpoint: head, unpublished: jws });
    } catch (e) {
      if (isCasFailure(e)) return; // another instance moved the log on: its state (now ours) decides
      throw e;
    }
    await this.publishClaimed();
    this.log.info(head, 'checkpoint signed');
  }

  /** Puts a claimed checkpoint on the stream; the message id makes sending it twice a no-op. */
  private async publishClaimed(): Promise<void> {
    for (let attempt = 1; this.state.unpublished; attempt++) {
      const { unpublished, ...rest } = this.state;
      await this.js.publish(CHECKPOINT_SUBJECT, unpublished, { msgID: `ckpt.${rest.checkpoint?.treeSize}` });
      try {
        await this.commit(rest);
      } catch (e) {
        if (attempt >= 3 || !isCasFailure(e)) throw e; // reloaded: maybe someone else's claim to send
      }
    }
  }

  /** Saves the next state (compare-and-set); if another instance wrote meanwhile, takes its state and fails. */
  private async commit(next: LogState): Promise<void> {
    try {
      await this.store.save(next);
    } catch (e) {
      await this.reload(); // the redelivery decides again against the current log
      throw e;
    }
    this.state = next;
  }
}
