import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '@samenhang/decision';
import { accessReport, type AuditRecords, type DisclosureRecord } from '@samenhang/audit-log';

/** Only the fields the report reads; the rest of a decision record does not matter here. */
const decision = (agency: string, signalId: string, decisionId: string, subject: string): DecisionRecord =>
  ({
    type: 'decision',
    decisionId,
    decidedAt: '2026-11-20T10:00:00.000Z',
    signalId,
    sourceAgency: agency,
    sourceKind: 'LOCAL_TEAM',
    subjectPseudonym: subject,
    relatedPseudonyms: [],
    householdKey: 'h',
    facts: { category: 'DEBT', severity: 'MEDIUM', observedAt: '2026-11-19T10:00:00.000Z' },
    recipient: 'rvt',
    purpose: 'SAFETY_ASSESSMENT',
    outcome: 'DISCLOSE',
    shownAs: 'DISCLOSE',
    decidingRule: 'R9',
    rulesEvaluated: [{ id: 'R9', applies: true, reason: '', citation: 'AVG 6(1)(a)', assumption: false }],
    rulesFired: ['R9'],
    refused: [],
    fields: ['summary'],
    minimisation: null,
    obligations: [],
    policy: null,
    inputsSha256: 'x',
  }) as DecisionRecord;

const disclosure = (
  id: string,
  recipient: string,
  decisionIds: string[],
  signalIds: string[],
  fields: string[][],
): DisclosureRecord => ({
  type: 'disclosure',
  disclosureId: id,
  kind: 'alert',
  time: '2026-11-20T10:00:01.000Z',
  recipient,
  purpose: 'SAFETY_ASSESSMENT',
  decisionIds,
  legalBasis: signalIds.map((signalId) => ({ signalId, rule: 'R9', citation: '', assumption: false })),
  fieldsSent: signalIds.map((signalId, i) => ({ signalId, fields: fields[i]! })),
  contentSha256: 'c',
  sourceSignals: signalIds,
  pseudonyms: [],
  systemId: 's',
});

describe('the access report', () => {
  it('tells apart two agencies that used the same signal id', () => {
    // Ede's x-1 is about the requester and went to Food Valley; Almere's x-1 is about someone else and went to Flevoland.
    const records: AuditRecords = {
      decisions: [
        decision('lokaalteam-ede', 'x-1', 'dec_ede', 'p_me'),
        decision('lokaalteam-almere', 'x-1', 'dec_almere', 'p_other'),
      ],
      disclosures: [
        disclosure('dis_fv', 'rvt-foodvalley', ['dec_ede'], ['x-1'], [['summary']]),
        disclosure('dis_fl', 'rvt-flevoland', ['dec_almere'], ['x-1'], [['summary', 'address']]),
      ],
      assignments: [],
      erasures: [],
    };
    const report = accessReport(records, 'p_me');
    expect(report.signals.map((s) => [s.agency, s.signalId])).toEqual([['lokaalteam-ede', 'x-1']]);
    expect(report.signals[0]!.recipients.map((r) => [r.recipient, r.fields])).toEqual([
      ['rvt-foodvalley', ['summary']],
    ]);
  });

  it('finds the fields of each signal by its place in the disclosure, and counts the others withheld', () => {
    const records: AuditRecords = {
      decisions: [
        decision('lokaalteam-ede', 'a', 'dec_a', 'p_me'),
        decision('politie-oost-nederland', 'a', 'dec_pa', 'p_other'),
      ],
      disclosures: [
        disclosure('dis_1', 'rvt-foodvalley', ['dec_pa', 'dec_a'], ['a', 'a'], [['summary', 'address'], ['contact']]),
      ],
      assignments: [],
      erasures: [],
    };
    const report = accessReport(records, 'p_me');
    expect(report.signals[0]!.recipients[0]!.fields).toEqual(['contact']);
    expect(report.withheld[0]!.what).toMatch(/^1 signal/);
  });
});
