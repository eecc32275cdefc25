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

  constructor(
    private state: LogState,
    private readonly store: LogStore,
    private readonly js: JetStreamClient,
    private readonly signer: { key: KeyObject; certPem: string },
    private readonly every: number,
    private readonly log: Logger,
  ) {}

  /** Serialises work: appends and checkpoints never interleave. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.busy.then(fn);
    this.busy = next.then(() => undefined, () => undefined);
    return next;
  }

  handle(m: JsMsg): Promise<void> {
    return this.run(async () => {
      // With two instances the other one may have appended the records before this one
      // (the consumer hands out one record at a time): a lost compare-and-set reloads
      // its state, and we append against that at once instead of waiting for a redelivery.
      for (let attempt = 1; ; attempt++) {
        await this.publishClaimed();
        if (m.subject === CHECKPOINT_SUBJECT || m.seq <= this.state.lastSeq) {
          m.ack();
          return;
        }
        try {
          await this.commit(appendLeaf(this.state, m.seq, leafHash(m.data)));
          break;
        } catch (e) {
          if (attempt >= 3 || !isCasFailure(e)) throw e;
        }
      }
      m.ack();
      if (this.state.pending.length === 1) this.firstUncoveredAt = Date.now();
      if (this.state.pending.length >= this.every) await this.checkpointNow();
    });
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
