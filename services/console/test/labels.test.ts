import { describe, expect, it } from 'vitest';
import { v1 } from '@samenhang/proto';
import { ENUMS } from '@samenhang/signal';
import { translator } from '../src/web/i18n.js';
import { codesOf, languagesOf, localTime, obligation, word } from '../src/web/labels.js';
import { alertCard } from '../src/web/rvt-pages.js';

describe('words, not codes', () => {
  it('has a word for every category, severity and relation, in every language', () => {
    for (const kind of ['category', 'severity', 'relation'] as const) {
      const codes = Object.keys(ENUMS[kind].values)
        .filter((k) => Number.isNaN(Number(k)))
        .map((k) => k.replace(ENUMS[kind].prefix, ''))
        .filter((k) => k !== 'UNSPECIFIED');
      expect(codesOf(kind).sort(), kind).toEqual(codes.sort());
      for (const lang of languagesOf()) for (const c of codes) expect(word(lang, kind, c), `${lang} ${c}`).not.toBe(c);
    }
  });

  it('shows times as Dutch local time, and what is left or overdue', () => {
    // 23:30 UTC in winter is 00:30 in Amsterdam, the next day.
    expect(localTime('2026-12-07T23:30:00Z', 'nl')).toMatch(/^di 8 dec\.? 00:30$/);
    const due = obligation('nl', 'HUMAN_REVIEW_24H due 2026-12-08T12:00:00Z', Date.parse('2026-12-08T09:15:00Z'));
    expect(due).toEqual({
      what: 'menselijke beoordeling binnen 24 uur',
      when: expect.stringMatching(/^uiterlijk di 8 dec\.? 13:00 \(nog 2 u 45 min\)$/),
      overdue: false,
    });
    expect(
      obligation('nl', 'HUMAN_REVIEW_24H due 2026-12-08T12:00:00Z', Date.parse('2026-12-08T12:30:00Z')),
    ).toMatchObject({
      when: expect.stringMatching(/\(30 min te laat\)$/),
      overdue: true,
    });
  });

  it('renders an entry in words, with only the RVT’s own obligations', () => {
    const alert = v1.HouseholdAlert.create({
      alertId: 'alr_1',
      systemId: 'sys_1',
      region: 'foodvalley',
      version: 1,
      entries: [
        {
          signalId: 's-1',
          agencyId: 'politie-oost-nederland',
          agencyKind: 'POLICE',
          category: v1.Category.CATEGORY_DOMESTIC_VIOLENCE,
          shownAs: 'DISCLOSE',
          outcome: 'DISCLOSE',
          severity: v1.Severity.SEVERITY_ACUTE,
          obligations: [
            'HUMAN_REVIEW_24H due 2099-01-01T00:00:00Z',
            'COMPLETE_MELDCODE_WEIGHING due 2099-01-01T00:00:00Z',
          ],
        },
      ],
    });
    const html = alertCard(translator('nl'), alert, { csrf: 'csrf', decided: new Map(), agencies: {} }).html;
    expect(html).toContain('politie · huiselijk geweld');
    expect(html).toContain('acuut');
    expect(html).toContain('menselijke beoordeling binnen 24 uur');
    for (const code of ['DOMESTIC_VIOLENCE', 'ACUTE', 'HUMAN_REVIEW_24H', 'POLICE', 'meldcode'])
      expect(html).not.toContain(code);
  });
});
