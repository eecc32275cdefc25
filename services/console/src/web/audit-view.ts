import type { X509Certificate } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { CHECKPOINT_SUBJECT, verifyCheckpoint, type Checkpoint, type VerifyReport } from '@samenhang/audit-log';
import { catchUp, verifyWithIndex, type AuditIndex, type IndexComparison } from '@samenhang/audit-index';
import { streamAll } from '@samenhang/nats';
import { STREAMS, auditSubjects } from '@samenhang/topology';

/**
 * The privacy officer's (and the programme analyst's) window on the audit log: its read model (kept current by the
 * console's consumer, and caught up before each answer, so a page never shows less than the
 * log held when it was asked), read after the officer's own permission to read AUDIT was
 * checked. The last verification is kept so the status page can show when and with what result.
 */
export class AuditView {
  lastVerification: { at: string; report: VerifyReport; index: IndexComparison } | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly trust: { ca: X509Certificate; trustDomain: string },
    private readonly index: AuditIndex,
  ) {}

  private catchingUp: Promise<unknown> | undefined;

  /**
   * The index, caught up with the log. Requests that arrive while a catch-up runs wait for
   * that one instead of each starting its own (after a reindex, one would read the whole log).
   */
  async current(): Promise<AuditIndex> {
    this.catchingUp ??= catchUp(this.nc, this.index).finally(() => {
      this.catchingUp = undefined;
    });
    await this.catchingUp;
    return this.index;
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

  /**
   * Verifies the whole log now, read once as a stream, consistent with the last head this
   * console accepted; and compares the index with it in the same pass.
   */
  async verify(): Promise<VerifyReport> {
    const last = this.lastVerification;
    const r = await verifyWithIndex(
      streamAll(this.nc, STREAMS.AUDIT, auditSubjects.all),
      this.trust,
      last?.report.ok ? last.report.latest : null,
      await this.current(),
    );
    this.lastVerification = { at: new Date().toISOString(), ...r };
    return r.report;
  }
}
