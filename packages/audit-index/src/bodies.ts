import { chmodSync, closeSync, ftruncateSync, openSync, readSync, writeSync, writevSync } from 'node:fs';

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

  /**
   * Writes `chunks` one after the other from `at`; returns where they end. Gathered by the
   * kernel (writev; libuv splits a long list itself), not joined here first into a copy.
   */
  write(at: number, chunks: readonly Uint8Array[]): number {
    const length = chunks.reduce((n, c) => n + c.length, 0);
    const done = writevSync(this.fd, chunks, at);
    // A short write (a full disk, a signal) is finished one chunk at a time, or throws.
    if (done < length) this.writeFrom(at, chunks, done);
    return at + length;
  }

  private writeFrom(at: number, chunks: readonly Uint8Array[], skip: number): void {
    for (const c of chunks) {
      for (let done = Math.min(skip, c.length); done < c.length; )
        done += writeSync(this.fd, c, done, c.length - done, at + done);
      skip = Math.max(0, skip - c.length);
      at += c.length;
    }
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
