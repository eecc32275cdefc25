import type { AuditRecords } from '@samenhang/audit-log';

/**
 * The part of the audit log that concerns one agency's signals: its decisions, and the
 * disclosures that carried one of them, each showing only that agency's entries (what the
 * other agencies' signals were, and under which rule, is not this agency's to know). A
 * disclosure's decision ids, signals, legal basis and fields line up entry by entry, so they
 * are cut by position: signal ids are unique per agency only.
 */
export function agencyPart(all: AuditRecords, agency: string): AuditRecords {
  const decisions = all.decisions.filter((d) => d.sourceAgency === agency);
  const ids = new Set(decisions.map((d) => d.decisionId));
  const disclosures = all.disclosures
    .filter((d) => d.decisionIds.some((id) => ids.has(id)))
    .map((d) => {
      const own = (_: unknown, i: number) => ids.has(d.decisionIds[i] ?? '');
      return {
        ...d,
        decisionIds: d.decisionIds.filter(own),
        sourceSignals: d.sourceSignals.filter(own),
        legalBasis: d.legalBasis.filter(own),
        fieldsSent: d.fieldsSent.filter(own),
        pseudonyms: [],
      };
    });
  // Erasures concern the broker as a whole (its privacy officer), not one agency.
  return { decisions, disclosures, assignments: [], erasures: [] };
}
