/** What the audit service's readiness says about the log, from what the checkpoint timer observes. */
export interface LogObservation {
  readonly now: number;
  /** Why appending stopped, if it did. */
  readonly problem: string | undefined;
  /** Since when appended records have waited for a checkpoint, if any wait. */
  readonly uncoveredSince: number | undefined;
  /** The stream sequence of the last record appended. */
  readonly lastSeq: number;
  /** Messages on the AUDIT stream that the audit consumer has not yet had acknowledged. */
  readonly waiting: number;
}

/**
 * The audit service is ready only while it appends and signs: not when the state and the
 * stream disagree, and not when records have waited longer than the checkpoint interval
 * (twice, plus a second for the timer) without a checkpoint — whether appended and
 * unsigned, or still on the stream with the log not moving.
 */
export class LogHealth {
  private movedAt = 0;
  private seq = -1;

  constructor(private readonly checkpointMs: number) {}

  observe(o: LogObservation): Record<string, string> {
    if (o.lastSeq !== this.seq || o.waiting === 0) {
      this.seq = o.lastSeq;
      this.movedAt = o.now;
    }
    const limit = 2 * this.checkpointMs + 1000;
    const unsigned = o.uncoveredSince !== undefined ? o.now - o.uncoveredSince : 0;
    const stuck = o.now - this.movedAt;
    const checkpoint =
      unsigned > limit
        ? `overdue: records have waited ${Math.round(unsigned / 1000)} s without a checkpoint`
        : stuck > limit
          ? `overdue: ${o.waiting} records have waited ${Math.round(stuck / 1000)} s on the stream, not appended`
          : 'ok';
    return { log: o.problem ? `stopped: ${o.problem}` : 'ok', checkpoint };
  }
}
