import { describe, expect, it } from 'vitest';
import type { AuditRecords } from '@samenhang/audit-log';
import { agencyPart } from '../src/access/agency-part.js';

describe("an agency's part of the audit log", () => {
  it('keeps its own entries of a disclosure by position, also when another agency used the same signal id', () => {
    const decision = (id: string, agency: string) => ({ decisionId: id, sourceAgency: agency, signalId: 'S-1' });
    const all = {
      decisions: [decision('d-police', 'politie-oost-nederland'), decision('d-ggz', 'ggz-centraal')],
      disclosures: [
        {
          decisionIds: ['d-ggz', 'd-police'],
          sourceSignals: ['S-1', 'S-1'],
          legalBasis: [
            { signalId: 'S-1', rule: 'R5', citation: 'ggz', assumption: false },
            { signalId: 'S-1', rule: 'R7', citation: 'police', assumption: false },
          ],
          fieldsSent: [
            { signalId: 'S-1', fields: ['category', 'summary'] },
            { signalId: 'S-1', fields: ['agency'] },
          ],
          pseudonyms: ['p_1'],
        },
      ],
      assignments: [],
    } as unknown as AuditRecords;
    const part = agencyPart(all, 'politie-oost-nederland');
    expect(part.decisions.map((d) => d.decisionId)).toEqual(['d-police']);
    expect(part.disclosures[0]).toMatchObject({
      decisionIds: ['d-police'],
      legalBasis: [{ rule: 'R7' }],
      fieldsSent: [{ fields: ['agency'] }],
      pseudonyms: [],
    });
  });
});
