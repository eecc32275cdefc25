import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditIndex, measure, shownCount, shownMean, shownShare, type OpenDecision } from '@samenhang/audit-index';
import type { LogEntry } from '@samenhang/audit-log';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-learning-'));
  dirs.push(dir);
  return AuditIndex.open(join(dir, 'audit.sqlite'));
};

const decision = (over: Record<string, unknown> = {}) => ({
  type: 'decision',
  decisionId: 'dec-1',
  decidedAt: '2026-03-10T10:00:00Z',
  signalId: 'sig-1',
  sourceAgency: 'politie-oost-nederland',
  sourceKind: 'POLICE',
  subjectPseudonym: 'ps-secret',
  relatedPseudonyms: [],
  householdKey: 'hh-secret',
  facts: { category: 'DOMESTIC_VIOLENCE', severity: 'HIGH', observedAt: '2026-03-09T10:00:00Z' },
  recipient: 'rvt-foodvalley',
  outcome: 'DISCLOSE',
  decidingRule: 'R7',
  rulesEvaluated: [{ id: 'R7', applies: true, reason: '', citation: '', assumption: false }],
  obligations: [],
  ...over,
});
const cell = { month: '2026-03', region: 'foodvalley', kind: 'POLICE', category: 'DOMESTIC_VIOLENCE' };

describe('which learning figures one record moves', () => {
  it('counts a signal only at its first decision; a re-decision counts as a decision', () => {
    const first = measure(decision(), { firstOfSignal: true }).moves.map((m) => m.measure);
    expect(first).toEqual(['signals', 'decisions', 'decision:DISCLOSE', 'rule:R7']);
    const again = measure(decision({ outcome: 'INDEX' }), { firstOfSignal: false }).moves.map((m) => m.measure);
    expect(again).toEqual(['decisions', 'decision:INDEX', 'rule:R7']);
    expect(measure(decision(), { firstOfSignal: true }).moves[0]!.cell).toEqual(cell);
  });

  it('counts an assumption only when the deciding rule is one, and the month in Dutch time', () => {
    const d = decision({
      decidedAt: '2026-03-31T22:30:00Z', // 1 April in Amsterdam
      decidingRule: 'R9',
      rulesEvaluated: [
        { id: 'R7', assumption: false },
        { id: 'R9', assumption: true },
      ],
    });
    const moves = measure(d, { firstOfSignal: false }).moves;
    expect(moves.map((m) => m.measure)).toContain('assumption');
    expect(moves[0]!.cell.month).toBe('2026-04');
    const notDeciding = decision({ rulesEvaluated: [{ id: 'R9', assumption: true }] });
    expect(measure(notDeciding, {}).moves.map((m) => m.measure)).not.toContain('assumption');
  });

  it('opens a HOLD with obligations, and a later human decision meets them on time and ends the HOLD', () => {
    const hold = measure(
      decision({
        decisionId: 'dec-h',
        outcome: 'HOLD',
        obligations: [{ type: 'HUMAN_REVIEW_24H', rule: 'R8', dueAt: '2026-03-11T10:00:00Z', description: '' }],
      }),
      { firstOfSignal: true },
    );
    expect(hold.moves.map((m) => m.measure)).toContain('obligations');
    const open = hold.opens as OpenDecision;
    expect(open).toMatchObject({ decisionId: 'dec-h', hold: true, dueAt: ['2026-03-11T10:00:00Z'] });
    const human = { by: 'person:x', kind: 'HOLD_RELEASE', of: 'dec-h', organisation: 'rvt-foodvalley' };
    const release = decision({
      decisionId: 'dec-r',
      decidedAt: '2026-03-10T16:00:00Z',
      recipient: 'rvt-foodvalley',
      human,
    });
    const r = measure(release, { firstOfSignal: false, open });
    expect(r.closes).toBe('dec-h');
    expect(r.moves.find((m) => m.measure === 'obligationsOnTime')?.cell).toEqual(cell);
    expect(r.moves.find((m) => m.measure === 'hold')?.ms).toBe(6 * 3_600_000);
    // Too late: after dueAt.
    const late = measure({ ...release, decidedAt: '2026-03-12T10:00:00Z' }, { open });
    expect(late.moves.map((m) => m.measure)).toContain('obligationsLate');
    // A human decision about another decision closes nothing.
    expect(measure({ ...release, human: { ...human, of: 'dec-other' } }, { open }).closes).toBeUndefined();
  });

  it('counts alerts per month and region, the time to a system’s first alert, corrections and splits', () => {
    const alert = {
      type: 'disclosure',
      kind: 'alert',
      time: '2026-03-10T12:00:00Z',
      recipient: 'rvt-twente',
      systemId: 'sys_secret',
      decisionIds: ['dec-1'],
    };
    const first = measure(alert, { firstAlertOfSystem: true, earliestObserved: '2026-03-10T10:00:00Z' }).moves;
    expect(first).toEqual([
      { cell: { month: '2026-03', region: 'twente', kind: '*', category: '*' }, measure: 'alerts' },
      {
        cell: { month: '2026-03', region: 'twente', kind: '*', category: '*' },
        measure: 'toFirstAlert',
        ms: 7_200_000,
      },
    ]);
    const split = measure({ ...alert, correction: { replacedBy: ['sys_a', 'sys_b'] } }, {}).moves;
    expect(split.map((m) => m.measure)).toEqual(['alerts', 'corrections', 'splits']);
    expect(measure({ ...alert, correction: { replacedBy: [] } }, {}).moves.map((m) => m.measure)).toEqual([
      'alerts',
      'corrections',
    ]);
    expect(measure({ ...alert, kind: 'view' }, {}).moves).toEqual([]);
    expect(measure({ type: 'erasure', person: 'ps-secret' }, {}).moves).toEqual([]);
  });
});

describe('small-cell suppression', () => {
  it('shows a count of 9 as "< 10" and hides its mean; 10 is shown with its mean', () => {
    expect(shownCount(9)).toBe('< 10');
    expect(shownMean(9, 9 * 3600)).toBeUndefined();
    expect(shownCount(10)).toBe(10);
    expect(shownMean(10, 10 * 3600)).toBe(3600);
    expect(shownCount(0)).toBe('< 10');
  });
  it('hides a share whose part or rest is a small cell', () => {
    expect(shownShare(9, 40)).toBeUndefined();
    expect(shownShare(35, 40)).toBeUndefined(); // 5 could be read off it
    expect(shownShare(20, 40)).toBe(0.5);
  });
});

describe('the learning figures in the index, kept at ingest', () => {
  const entries = (records: readonly object[]): LogEntry[] =>
    records.map((r, i) => ({
      seq: i + 1,
      // Each record on the subject of its type, as the services publish it.
      subject:
        (r as { type?: string }).type === 'disclosure' ? 'samenhang.audit.disclosures' : 'samenhang.audit.decisions',
      data: Buffer.from(JSON.stringify(r)),
    }));

  it('adds up what was taken in, without ids, and starts again after a reset', () => {
    const records: object[] = [];
    for (let i = 0; i < 12; i++)
      records.push(decision({ decisionId: `dec-${i}`, signalId: `sig-${i}`, subjectPseudonym: `ps-${i}` }));
    // Re-decisions of three of them: decisions, not signals.
    for (let i = 0; i < 3; i++) records.push(decision({ decisionId: `dec-again-${i}`, signalId: `sig-${i}` }));
    // Twente: few.
    for (let i = 0; i < 4; i++)
      records.push(decision({ decisionId: `dec-tw-${i}`, signalId: `sig-tw-${i}`, recipient: 'rvt-twente' }));
    for (let i = 0; i < 11; i++)
      records.push({
        type: 'disclosure',
        kind: 'alert',
        disclosureId: `dis-${i}`,
        time: '2026-03-10T12:00:00Z',
        recipient: 'rvt-foodvalley',
        systemId: `sys_${i}`,
        decisionIds: [`dec-${i}`],
        pseudonyms: [],
      });
    const index = fresh();
    try {
      index.ingest(entries(records));
      const rows = index.learning();
      const fv = rows.find((r) => r.region === 'foodvalley')!;
      expect(fv).toMatchObject({ month: '2026-03', signals: 12, decisions: 15, alerts: 11 });
      expect(fv.outcomes).toEqual({ DISCLOSE: 15, INDEX: '< 10', HOLD: '< 10', DENY: '< 10' });
      // 11 first alerts, each a day after its signal was observed.
      expect(fv.toFirstAlert.count).toBe(11);
      expect(fv.toFirstAlert.meanHours).toBeCloseTo(26);
      const tw = rows.find((r) => r.region === 'twente')!;
      expect(tw).toMatchObject({ signals: '< 10', decisions: '< 10' });
      expect(JSON.stringify(index.db.prepare('SELECT * FROM learning_figures').all())).not.toMatch(
        /dec-|sig-|ps-|hh-|sys_/,
      );
      expect(index.learning({ region: 'twente' }).map((r) => r.region)).toEqual(['twente']);
      expect(index.learning({ kind: 'JUSTICE' })[0]).toMatchObject({ signals: '< 10', alerts: 11 });
      expect(index.learning({ from: '2026-04' })).toEqual([]);
      // Over the regions: Twente's few add to Food Valley's.
      expect(index.learning({}, 'month')).toMatchObject([{ region: '*', signals: 16, decisions: 19 }]);
      expect(index.learningDimensions()).toEqual({
        regions: ['foodvalley', 'twente'],
        kinds: ['POLICE'],
        categories: ['DOMESTIC_VIOLENCE'],
        months: ['2026-03'],
      });
      index.reset();
      expect(index.learning()).toEqual([]);
      index.ingest(entries(records));
      expect(index.learning().find((r) => r.region === 'foodvalley')).toMatchObject({ signals: 12, alerts: 11 });
    } finally {
      index.close();
    }
  });
});
