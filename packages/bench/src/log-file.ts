import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { LogEntry } from '@samenhang/audit-log';

/**
 * The bench's copy of a log: entries framed as [u32 subject length][subject][f64 sequence]
 * [u32 data length][data]. Read in large chunks, so a pass over the file costs the disk and
 * the work done on each entry, not a parse per line.
 */
const CHUNK = 8 << 20;

export class LogFileWriter {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(CHUNK);
  private at = 0;
  bytes = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w', 0o600);
  }

  write(e: LogEntry): void {
    const subject = Buffer.from(e.subject);
    const need = 4 + subject.length + 8 + 4 + e.data.length;
    if (this.at + need > this.buffer.length) this.flush(need);
    const b = this.buffer;
    b.writeUInt32LE(subject.length, this.at);
    subject.copy(b, this.at + 4);
    let p = this.at + 4 + subject.length;
    b.writeDoubleLE(e.seq, p);
    b.writeUInt32LE(e.data.length, p + 8);
    p += 12;
    b.set(e.data, p);
    this.at = p + e.data.length;
    this.bytes += need;
  }

  private flush(need = 0): void {
    if (this.at > 0) writeSync(this.fd, this.buffer, 0, this.at);
    this.at = 0;
    if (need > this.buffer.length) this.buffer = Buffer.allocUnsafe(need);
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Every entry of a bench log file, in order (each with its own copy of its bytes). */
export function* readLogFrames(file: string): Generator<LogEntry> {
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let len = 0;
    let pos = 0;
    for (;;) {
      // Enough for the next frame's header and body, or refill.
      const frame = () => {
        if (len - pos < 4) return -1;
        const s = buf.readUInt32LE(pos);
        if (len - pos < 4 + s + 12) return -1;
        const d = buf.readUInt32LE(pos + 4 + s + 8);
        return len - pos < 4 + s + 12 + d ? -(4 + s + 12 + d) : 4 + s + 12 + d;
      };
      const n = frame();
      if (n < 0) {
        const rest = buf.subarray(pos, len);
        if (-n > buf.length) {
          const bigger = Buffer.allocUnsafe(-n);
          rest.copy(bigger);
          buf = bigger;
        } else buf.copy(buf, 0, pos, len);
        len = rest.length;
        pos = 0;
        const read = readSync(fd, buf, len, buf.length - len, null);
        if (read === 0) {
          if (len > 0) throw new Error(`${file}: ${len} bytes after the last whole entry`);
          return;
        }
        len += read;
        continue;
      }
      const s = buf.readUInt32LE(pos);
      const subject = buf.toString('utf8', pos + 4, pos + 4 + s);
      const seq = buf.readDoubleLE(pos + 4 + s);
      const d = buf.readUInt32LE(pos + 4 + s + 8);
      const start = pos + 4 + s + 12;
      yield { seq, subject, data: Buffer.from(buf.subarray(start, start + d)) };
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}
