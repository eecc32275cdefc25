import type { JetStreamClient, JsMsg } from 'nats';
import type { KeyObject } from 'node:crypto';
import { CHECKPOINT_SUBJECT, ORIGIN, signCheckpoint } from '@samenhang/audit-log';
import type { Logger } from '@samenhang/logging';
import { leafHash } from '@samenhang/merkle';
import { isCasFailure } from '@samenhang/stack';
import { appendLeaf, rootOf, type LogState, type LogStore } from './log-state.js';

/**
 * Appends audit records to the Merkle log in stream order and signs checkpoints.
 * Each append persists the compact state before the record is acknowledged, so a
 * crash loses nothing and a redelivery is skipped by its stream sequence.
 */
export class Appender {
  private firstUncoveredAt = 0;
  private busy: Promise<void> = Promise.resolve();
  /** Sequences of checkpoint messages seen above the last record: gaps they explain are no gaps. */
  private readonly checkpointSeqs = new Set<number>();

  constructor(
    private state: LogState,
    private readonly store: LogStore,
    private readonly js: JetStreamClient,
    private readonly signer: { key: KeyObject; certPem: string },
    private readonly every: number,
    private readonly log: Logger,
    /** Whether the stream message at a sequence is a checkpoint (asked only after a restart or another instance's work). */
    private readonly isCheckpoint: (seq: number) => Promise<boolean>,
  ) {}

  /** Serialises work: appends and checkpoints never interleave. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.busy.then(fn);
    this.busy = next.then(() => undefined, () => undefined);
    return next;
  }

  /**
   * Appends a batch of records (in stream order) with one state write, then acknowledges
   * them. A record is appended only right after the one before it in the stream: a gap
   * that is not a checkpoint (a record still pending, or appended by another instance)
   * stops the batch there, and the rest comes back, so no record is ever passed over.
   */
  handleBatch(batch: readonly JsMsg[]): Promise<void> {
    return this.run(async () => {
      await this.publishClaimed();
      const wasCovered = this.state.pending.length === 0;
      for (let attempt = 1; ; attempt++) {
        const { next, done, rest } = await this.appendInOrder(batch);
        try {
          if (next !== this.state) await this.commit(next);
        } catch (e) {
          // Another instance appended meanwhile: commit() took its state; decide again.
          if (attempt < 3 && isCasFailure(e)) continue;
          throw e;
        }
        for (const m of done) m.ack();
        for (const m of rest) m.nak(200);
        if (wasCovered && this.state.pending.length > 0) this.firstUncoveredAt = Date.now();
        if (this.state.pending.length >= this.every) await this.checkpointNow();
        return;
      }
    });
  }

  private async appendInOrder(batch: readonly JsMsg[]): Promise<{ next: LogState; done: JsMsg[]; rest: JsMsg[] }> {
    let next = this.state;
    const done: JsMsg[] = [];
    for (const [i, m] of batch.entries()) {
      if (m.subject === CHECKPOINT_SUBJECT) {
        this.checkpointSeqs.add(m.seq);
        done.push(m);
        continue;
      }
      if (m.seq <= next.lastSeq) {
        done.push(m); // appended before (a redelivery)
        continue;
      }
      if (!(await this.onlyCheckpointsBetween(next.lastSeq, m.seq))) {
        if (next === this.state && i === 0) this.state = next = await this.store.load(); // another instance may be ahead
        if (m.seq <= next.lastSeq) {
          done.push(m);
          continue;
        }
        if (!(await this.onlyCheckpointsBetween(next.lastSeq, m.seq))) return { next, done, rest: batch.slice(i) };
      }
      next = appendLeaf(next, m.seq, leafHash(m.data));
      done.push(m);
    }
    for (const s of this.checkpointSeqs) if (s <= next.lastSeq) this.checkpointSeqs.delete(s);
    return { next, done, rest: [] };
  }

  /** True when every stream message strictly between `from` and `to` is a checkpoint. */
  private async onlyCheckpointsBetween(from: number, to: number): Promise<boolean> {
    for (let s = from + 1; s < to; s++) {
      if (this.checkpointSeqs.has(s)) continue;
      if (!(await this.isCheckpoint(s))) return false;
      this.checkpointSeqs.add(s);
    }
    return true;
  }

  /** Signs a checkpoint when records are uncovered and `maxAgeMs` has passed (0: now). */
  checkpoint(maxAgeMs = 0): Promise<void> {
    return this.run(async () => {
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
    const jws = await signCheckpoint({ origin: ORIGIN, ...head, time: new Date().toISOString(), previous: s.checkpoint, leaves: s.pending }, this.signer.key, this.signer.certPem);
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
      this.state = await this.store.load(); // the redelivery decides again against the current log
      throw e;
    }
    this.state = next;
  }
}
