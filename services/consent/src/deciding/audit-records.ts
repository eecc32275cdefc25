import type { JetStreamClient } from 'nats';
import { canonicalJson } from '@samenhang/canonical';
import { auditSubjects } from '@samenhang/topology';
import type { DisclosureRecord, ErasureRecord } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';

export type { DisclosureRecord } from '@samenhang/audit-log';

/**
 * Writes audit records to the AUDIT stream (deny delete, deny purge) in canonical
 * JSON. The message id is the record id, so a retried write is stored once. A
 * failed write throws: the caller then does not disclose (fail closed).
 */
export class AuditWriter {
  constructor(private readonly js: JetStreamClient) {}

  async decision(record: DecisionRecord): Promise<void> {
    await this.js.publish(auditSubjects.decisions, canonicalJson(record), { msgID: record.decisionId });
  }

  async disclosure(record: DisclosureRecord): Promise<void> {
    await this.js.publish(auditSubjects.disclosures, canonicalJson(record), { msgID: record.disclosureId });
  }

  async erasure(record: ErasureRecord): Promise<void> {
    await this.js.publish(auditSubjects.erasures, canonicalJson(record), { msgID: record.erasureId });
  }
}
