import { describe, expect, it } from 'vitest';
import { CHECKPOINT_SUBJECT } from '@samenhang/audit-log';
import { auditSubjects, subjectMatches } from '@samenhang/topology';

describe('audit subjects', () => {
  it('every audit record kind, checkpoints too, lies under the whole log', () => {
    for (const s of [auditSubjects.decisions, auditSubjects.disclosures, CHECKPOINT_SUBJECT])
      expect(subjectMatches(auditSubjects.all, s), s).toBe(true);
  });
});
