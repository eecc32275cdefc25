import type { AuditRecords } from '@samenhang/audit-log';

/**
 * The part of the audit log that concerns one agency's signals: its decisions, and the
 * disclosures that carried one of them, each showing only that agency's signals (what the
 * other agencies' signals were, and to whom, is not this agency's to know).
 */
export function agencyPart(all: AuditRecords, agency: string): AuditRecords {
  const decisions = all.decisions.filter((d) => d.sourceAgency === agency);
  const ids = new Set(decisions.map((d) => d.decisionId));
  const signals = new Set(decisions.map((d) => d.signalId));
  const disclosures = all.disclosures
    .filter((d) => d.decisionIds.some((id) => ids.has(id)))
    .map((d) => ({
      ...d,
      decisionIds: d.decisionIds.filter((id) => ids.has(id)),
      sourceSignals: d.sourceSignals.filter((s) => signals.has(s)),
      legalBasis: d.legalBasis.filter((b) => signals.has(b.signalId)),
      fieldsSent: d.fieldsSent.filter((f) => signals.has(f.signalId)),
      pseudonyms: [],
    }));
  return { decisions, disclosures, reviews: [] };
}
