import type { JetStreamClient } from 'nats';
import { canonicalJson } from '@samenhang/canonical';
import type { DecisionRecord } from '@samenhang/decision';

/** DESIGN §5 disclosure record: what was sent to whom under which decisions — never the content. */
export interface DisclosureRecord {
  readonly type: 'disclosure';
  readonly disclosureId: string;
  readonly kind: 'alert' | 'picture';
  readonly time: string;
  readonly recipient: string;
  readonly purpose: string;
  readonly decisionIds: readonly string[];
  readonly legalBasis: readonly { readonly signalId: string; readonly rule: string; readonly citation: string; readonly assumption: boolean }[];
  readonly fieldsSent: readonly { readonly signalId: string; readonly fields: readonly string[] }[];
  readonly contentSha256: string;
  readonly sourceSignals: readonly string[];
  readonly pseudonyms: readonly string[];
  readonly systemId: string;
  readonly alertId?: string;
  readonly version?: number;
}

/**
 * Writes audit records to the AUDIT stream (deny delete, deny purge) in canonical
 * JSON. The message id is the record id, so a retried write is stored once. A
 * failed write throws: the caller then does not disclose (fail closed).
 */
export class AuditWriter {
  constructor(private readonly js: JetStreamClient) {}

  async decision(record: DecisionRecord): Promise<void> {
    await this.js.publish('samenhang.audit.decisions', canonicalJson(record), { msgID: record.decisionId });
  }

  async disclosure(record: DisclosureRecord): Promise<void> {
    await this.js.publish('samenhang.audit.disclosures', canonicalJson(record), { msgID: record.disclosureId });
  }
}
