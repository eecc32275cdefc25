/**
 * A progress bar on stderr (stdout stays for the report): redrawn in place on a
 * terminal, a line per tenth otherwise (CI logs).
 */
export class Progress {
  private lastTenth = -1;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const f = this.total === 0 ? 1 : Math.min(1, done / this.total);
    if (this.tty) {
      const width = 30;
      const bar = '#'.repeat(Math.round(f * width)).padEnd(width, '.');
      process.stderr.write(
        `\r${this.label.padEnd(22)} [${bar}] ${String(Math.round(f * 100)).padStart(3)}%  ${done}/${this.total}`,
      );
    } else if (Math.floor(f * 10) > this.lastTenth) {
      this.lastTenth = Math.floor(f * 10);
      process.stderr.write(`${this.label}: ${Math.round(f * 100)}% (${done}/${this.total})\n`);
    }
  }

  done(note = ''): void {
    this.update(this.total);
    if (this.tty) process.stderr.write(`${note ? `  ${note}` : ''}\n`);
    else if (note) process.stderr.write(`${this.label}: ${note}\n`);
  }
}
