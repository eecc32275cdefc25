import { chmodSync, closeSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * The records as logged, next to the index in one append-only file; a row names its bytes by
 * offset and length. Kept out of SQLite because writing a few kilobytes per row into its
 * pages cost more than all the rest of taking a record in; appended here, they cost a copy.
 * Bytes are written at the end the index's metadata records, inside its write transaction,
 * so what a rolled-back transaction wrote is simply overwritten by the next one.
 */
const AHEAD = 8 << 20;

export class BodyFile {
  private readonly fd: number;

  constructor(
    readonly file: string,
    mode: 'write' | 'read' = 'write',
  ) {
    if (mode === 'read') {
      this.fd = openSync(file, 'r');
      return;
    }
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    this.fd = openSync(file, 'r+');
  }

  /** Writes `chunks` one after the other from `at`; returns where they end. */
  write(at: number, chunks: readonly Uint8Array[]): number {
    const all = Buffer.concat(chunks);
    let done = 0;
    while (done < all.length) done += writeSync(this.fd, all, done, all.length - done, at + done);
    return at + all.length;
  }

  read(at: number, length: number): Buffer {
    const b = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, b, done, length - done, at + done);
      if (n === 0) break;
      done += n;
    }
    return done === length ? b : b.subarray(0, done);
  }

  /**
   * A reader for records asked in file order (a pass over every row): it reads ahead in
   * large chunks instead of one read per record.
   */
  inOrder(): (at: number, length: number) => Buffer {
    let chunk: Buffer = Buffer.alloc(0);
    let from = 0;
    return (at, length) => {
      if (at < from || at + length > from + chunk.length) {
        chunk = this.read(at, Math.max(length, AHEAD));
        from = at;
      }
      return chunk.subarray(at - from, at - from + length);
    };
  }

  truncate(): void {
    ftruncateSync(this.fd, 0);
  }

  close(): void {
    closeSync(this.fd);
  }
}
