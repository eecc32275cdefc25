import type { X509Certificate } from 'node:crypto';
import type { NatsConnection } from 'nats';
import {
  parseRecords,
  verifyCheckpoint,
  verifyLog,
  CHECKPOINT_SUBJECT,
  type AuditRecords,
  type Checkpoint,
  type LogEntry,
  type VerifyReport,
} from '@samenhang/audit-log';
import { readAll } from '@samenhang/nats';
import { STREAMS, auditSubjects } from '@samenhang/topology';

/**
 * The privacy officer's window on the audit log: read with the console's service
 * identity after the officer's own permission to read AUDIT was checked. The last
 * verification is kept so the status page can show when and with what result.
 */
export class AuditView {
  private lastRead: { at: number; entries: LogEntry[] } | undefined;
  lastVerification: { at: string; report: VerifyReport } | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly trust: { ca: X509Certificate; trustDomain: string },
  ) {}

  async entries(maxAgeMs = 1000): Promise<LogEntry[]> {
    if (this.lastRead && Date.now() - this.lastRead.at < maxAgeMs) return this.lastRead.entries;
    const entries = await readAll(this.nc, STREAMS.AUDIT, auditSubjects.all);
    this.lastRead = { at: Date.now(), entries };
    return entries;
  }

  async records(): Promise<AuditRecords> {
    return parseRecords(await this.entries());
  }

  /** The newest checkpoint, read alone (not the whole log), and shown only once its signature verifies against the CA. */
  async latestCheckpoint(): Promise<Checkpoint | undefined> {
    const jsm = await this.nc.jetstreamManager();
    const m = await jsm.streams.getMessage(STREAMS.AUDIT, { last_by_subj: CHECKPOINT_SUBJECT }).catch(() => undefined);
    if (!m) return undefined;
    return verifyCheckpoint(Buffer.from(m.data).toString('utf8'), this.trust.ca, this.trust.trustDomain).catch(
      () => undefined,
    );
  }

  /** Verifies the whole log now, consistent with the last head this console accepted. */
  async verify(): Promise<VerifyReport> {
    const remembered = this.lastVerification?.report.ok ? this.lastVerification.report.latest : null;
    const report = await verifyLog(await this.entries(0), this.trust, remembered);
    this.lastVerification = { at: new Date().toISOString(), report };
    return report;
  }
}
