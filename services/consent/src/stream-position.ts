/**
 * A stream's last sequence, asked of the server at most once at a time. Used to tell,
 * without reading a key again, that nothing was written to a bucket since a read:
 * every signal re-checks its subject's consents after storing its entry, and almost
 * always no consent at all was stored meanwhile. One request answers all signals
 * waiting for it, instead of one KV read each.
 */
export class StreamPosition {
  private known = 0;
  private inFlight: Promise<number> | undefined;
  private next: Promise<number> | undefined;

  constructor(private readonly ask: () => Promise<number>) {}

  /** The newest answer received (0 before any): every write up to it was stored before it arrived. */
  get last(): number {
    return this.known;
  }

  /**
   * A position asked for after this call, so it covers every write stored before the
   * call. A request already on its way may have left before the caller's own write:
   * callers then share the one sent when it returns.
   */
  fresh(): Promise<number> {
    if (!this.inFlight) return this.start();
    const settled = () => undefined;
    this.next ??= this.inFlight.then(settled, settled).then(() => {
      this.next = undefined;
      return this.inFlight ?? this.start();
    });
    return this.next;
  }

  private start(): Promise<number> {
    const p = this.ask().then((seq) => {
      if (seq > this.known) this.known = seq;
      return seq;
    });
    const done = () => {
      if (this.inFlight === p) this.inFlight = undefined;
    };
    p.then(done, done);
    this.inFlight = p;
    return p;
  }
}
