import { describe, expect, it } from 'vitest';
import type { LearningRow } from '@samenhang/audit-index';
import { filterQuery, learningFilter } from '../src/learning/learning-filter.js';
import { translator } from '../src/web/i18n.js';
import { learningBody, monthName, signalBars } from '../src/web/learning-page.js';

const dims = { regions: ['foodvalley', 'twente'], kinds: ['POLICE'], categories: ['DEBT'], months: ['2026-03'] };
const t = translator('nl');

const row = (over: Partial<LearningRow>): LearningRow => ({
  month: '2026-03',
  region: 'foodvalley',
  signals: 10,
  decisions: 12,
  outcomes: { DISCLOSE: 12, INDEX: '< 10', HOLD: '< 10', DENY: '< 10' },
  rules: {},
  assumption: '< 10',
  alerts: 10,
  toFirstAlert: {
    count: 10,
    meanHours: 2.5,
    buckets: { underHour: '< 10', underDay: 10, underWeek: '< 10', longer: '< 10' },
  },
  obligations: '< 10',
  obligationsOnTime: '< 10',
  obligationsLate: '< 10',
  hold: { count: '< 10' },
  corrections: '< 10',
  splits: '< 10',
  ...over,
});

describe('the learning page', () => {
  it('takes a filter only of values the figures hold, and months as YYYY-MM', () => {
    const f = learningFilter(new URLSearchParams('regio=twente&soort=POLICE&van=2026-01&tot='), dims);
    expect(f).toEqual({ region: 'twente', kind: 'POLICE', from: '2026-01' });
    expect(filterQuery(f)).toBe('?regio=twente&soort=POLICE&van=2026-01');
    for (const q of ['regio=atlantis', 'categorie=sys_1', 'van=2026-13', 'tot=maart'])
      expect(() => learningFilter(new URLSearchParams(q), dims), q).toThrow(
        expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
      );
  });

  it('names months in Dutch words', () => {
    expect(monthName(t, '2026-03')).toBe('maart 2026');
    expect(monthName(translator('en'), '2026-03')).toBe('March 2026');
  });

  it('shows a count of 10 with its mean, a count under 10 as "< 10" without one, and draws only shown counts', () => {
    const rows = [row({}), row({ region: 'twente', signals: '< 10', toFirstAlert: { count: '< 10' } })];
    const html = learningBody(t, {
      dims,
      filter: {},
      rows,
      monthRows: [row({ region: '*' })],
      regionName: (r) => r,
    }).html;
    expect(html).toContain('<td data-month="2026-03" data-region="foodvalley" data-measure="signals">10</td>');
    expect(html).toContain('<td data-month="2026-03" data-region="twente" data-measure="signals">&#60; 10</td>');
    expect(html).toContain('<td data-measure="to-first-alert">10 (2,5 uur)</td>');
    expect(html).not.toMatch(/<td data-measure="to-first-alert">&#60; 10 \(/);
    expect(html).toContain('src="/leren/grafiek/signalen.svg"');
    expect(signalBars(t, rows, (r) => r)).toEqual([{ x: 'maart 2026', series: 'foodvalley', value: 10 }]);
  });
});
