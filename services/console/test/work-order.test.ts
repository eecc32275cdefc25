import { describe, expect, it } from 'vitest';
import { v1 } from '@samenhang/proto';
import { byUrgency } from '../src/web/work-order.js';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const alert = (systemId: string, at: number, entry: Partial<v1.AlertEntry.$Properties> = {}) =>
  v1.HouseholdAlert.create({
    systemId,
    createdAt: { seconds: at / 1000, nanos: 0 },
    entries: [{ signalId: `${systemId}-1`, obligations: [], ...entry }],
  });

describe('the work list order', () => {
  it('puts a family with an overdue duty first, then ACUTE ones, then the newest', () => {
    const calm = alert('sys_calm', NOW - 1000);
    const older = alert('sys_older', NOW - 60_000);
    const acute = alert('sys_acute', NOW - 3_600_000, { obligations: ['HUMAN_REVIEW_24H due 2026-12-08T12:00:00Z'] });
    const overdue = alert('sys_overdue', NOW - 7_200_000, { obligations: ['HUMAN_DECISION due 2026-12-07T11:00:00Z'] });
    // The reporting professional's duty is not the RVT's: it does not make a family urgent here.
    const theirs = alert('sys_theirs', NOW - 9_000_000, {
      obligations: ['COMPLETE_MELDCODE_WEIGHING due 2026-12-01T00:00:00Z'],
    });
    expect(byUrgency([calm, theirs, older, acute, overdue], NOW).map((a) => a.systemId)).toEqual([
      'sys_overdue',
      'sys_acute',
      'sys_calm',
      'sys_older',
      'sys_theirs',
    ]);
  });
});
