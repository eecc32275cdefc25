import type { NatsConnection } from 'nats';
import { AuditIndex, catchUp } from '@samenhang/audit-index';

/**
 * The learning figures, read from the audit index (its figures table, kept as records are
 * taken in). Opened at the first request and caught up with the log before each read, so
 * the page shows every record the log held when it was asked; the catch-up reads only what
 * is new since the last one.
 */
export class LearningSource {
  private index: AuditIndex | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly file: string,
  ) {}

  async read<T>(f: (index: AuditIndex) => T): Promise<T> {
    this.index ??= AuditIndex.open(this.file);
    await catchUp(this.nc, this.index);
    return f(this.index);
  }

  close(): void {
    this.index?.close();
    this.index = undefined;
  }
}
