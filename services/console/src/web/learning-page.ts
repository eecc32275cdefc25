import {
  type LearningFilter,
  type LearningRow,
  OUTCOME_ORDER,
  type Shown,
  type ShownDuration,
} from '@samenhang/audit-index';
import type { Bar } from '../learning/charts.js';
import { type Dimensions, filterQuery } from '../learning/learning-filter.js';
import { h, Raw } from './html.js';
import type { Translator } from './i18n.js';
import { word } from './labels.js';

const locale = (t: Translator) => (t.lang === 'nl' ? 'nl-NL' : 'en-GB');

/** A month (YYYY-MM) as people say it: "maart 2026". */
export function monthName(t: Translator, month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale(t), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 15),
  );
}

/** A shown count: the number as written here (1.234), or "< 10". */
const count = (t: Translator, v: Shown) => (typeof v === 'number' ? v.toLocaleString(locale(t)) : v);
const share = (t: Translator, part: Shown, s: number | undefined) =>
  s === undefined ? count(t, part) : t('learnShare', count(t, part), `${Math.round(s * 100)} %`);
const mean = (t: Translator, d: ShownDuration) =>
  d.meanHours === undefined
    ? count(t, d.count)
    : t(
        'learnShare',
        count(t, d.count),
        t('learnHours', d.meanHours.toLocaleString(locale(t), { maximumFractionDigits: 1 })),
      );

/** The months the rows hold, in time order. */
const monthsOf = (rows: readonly LearningRow[]) => [...new Set(rows.map((r) => r.month))].sort();

/** Bars of signals per month and region: shown counts only (a suppressed cell is not drawn). */
export function signalBars(t: Translator, rows: readonly LearningRow[], regionName: (r: string) => string): Bar[] {
  return rows.flatMap((r) =>
    typeof r.signals === 'number' ? [{ x: monthName(t, r.month), series: regionName(r.region), value: r.signals }] : [],
  );
}

/** Bars of decisions per month and outcome (over the regions chosen): shown counts only. */
export function outcomeBars(t: Translator, monthRows: readonly LearningRow[]): Bar[] {
  return monthRows.flatMap((r) =>
    OUTCOME_ORDER.flatMap((o) => {
      const v = r.outcomes[o];
      return typeof v === 'number' ? [{ x: monthName(t, r.month), series: word(t.lang, 'outcome', o), value: v }] : [];
    }),
  );
}

export const monthLabels = (t: Translator, rows: readonly LearningRow[]) => monthsOf(rows).map((m) => monthName(t, m));

function select(
  t: Translator,
  name: string,
  label: string,
  values: readonly string[],
  chosen: string | undefined,
  text: (v: string) => string,
): Raw {
  return h`<label>${label} <select name="${name}"><option value="">${t('learnAll')}</option>${values.map(
    (v) => h`<option value="${v}"${v === chosen ? new Raw(' selected') : ''}>${text(v)}</option>`,
  )}</select></label>`;
}

/**
 * The programme analyst's page: the learning figures of the filter chosen, as two charts
 * (each an SVG drawn on the server, with a table of the same counts) and one table of every
 * figure. Only suppressed figures reach it (docs/learning.md).
 */
export function learningBody(
  t: Translator,
  o: {
    readonly dims: Dimensions;
    readonly filter: LearningFilter;
    readonly rows: readonly LearningRow[];
    readonly monthRows: readonly LearningRow[];
    readonly regionName: (region: string) => string;
  },
): Raw {
  const { dims, filter: f, rows, monthRows, regionName } = o;
  const lang = t.lang;
  const q = filterQuery(f);
  const months = monthsOf(rows);
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  const cell = (m: string, r: string) => rows.find((x) => x.month === m && x.region === r);
  const form = h`<form method="get" action="/leren" class="filters"><fieldset><legend>${t('learnFilters')}</legend>
${select(t, 'regio', t('learnRegion'), dims.regions, f.region, regionName)}
${select(t, 'soort', t('learnKind'), dims.kinds, f.kind, (k) => word(lang, 'agencyKind', k))}
${select(t, 'categorie', t('learnCategory'), dims.categories, f.category, (c) => word(lang, 'category', c))}
${select(t, 'van', t('learnFrom'), dims.months, f.from, (m) => monthName(t, m))}
${select(t, 'tot', t('learnTo'), dims.months, f.to, (m) => monthName(t, m))}
<button type="submit">${t('learnShow')}</button></fieldset></form>`;
  if (rows.length === 0) return h`<p>${t('learnHelp')}</p>${form}<p id="learn-none">${t('learnNone')}</p>`;
  return h`<p>${t('learnHelp')}</p>${form}
<section aria-labelledby="learn-signals"><h2 id="learn-signals">${t('learnSignalsTitle')}</h2>
<img src="/leren/grafiek/signalen.svg${q}" alt="${t('learnSignalsAlt')}">
<table id="signals-table"><caption>${t('learnSignalsTitle')}</caption><thead><tr><th scope="col">${t('learnMonth')}</th>${regions.map((r) => h`<th scope="col">${regionName(r)}</th>`)}</tr></thead><tbody>
${months.map((m) => h`<tr><th scope="row">${monthName(t, m)}</th>${regions.map((r) => h`<td data-month="${m}" data-region="${r}" data-measure="signals">${count(t, cell(m, r)?.signals ?? '< 10')}</td>`)}</tr>`)}
</tbody></table></section>
<section aria-labelledby="learn-outcomes"><h2 id="learn-outcomes">${t('learnOutcomesTitle')}</h2>
<img src="/leren/grafiek/besluiten.svg${q}" alt="${t('learnOutcomesAlt')}">
<table id="outcomes-table"><caption>${t('learnOutcomesTitle')}</caption><thead><tr><th scope="col">${t('learnMonth')}</th>${OUTCOME_ORDER.map((x) => h`<th scope="col">${word(lang, 'outcome', x)}</th>`)}</tr></thead><tbody>
${monthRows.map((r) => h`<tr><th scope="row">${monthName(t, r.month)}</th>${OUTCOME_ORDER.map((x) => h`<td data-month="${r.month}" data-measure="${x}">${count(t, r.outcomes[x] ?? '< 10')}</td>`)}</tr>`)}
</tbody></table></section>
<section aria-labelledby="learn-all"><h2 id="learn-all">${t('learnFiguresTitle')}</h2>
<p>${t('learnAlertsNote')}</p>
<div class="wide" role="region" aria-labelledby="learn-all" tabindex="0"><table id="figures-table"><thead><tr><th scope="col">${t('learnMonth')}</th><th scope="col">${t('learnRegion')}</th><th scope="col">${t('learnSignals')}</th><th scope="col">${t('learnDecisions')}</th><th scope="col">${t('learnAssumption')}</th><th scope="col">${t('learnObligations')}</th><th scope="col">${t('learnOnTime')}</th><th scope="col">${t('learnLate')}</th><th scope="col">${t('learnHold')}</th><th scope="col">${t('learnAlerts')}</th><th scope="col">${t('learnToFirstAlert')}</th><th scope="col">${t('learnCorrections')}</th><th scope="col">${t('learnSplits')}</th></tr></thead><tbody>
${rows.map(
  (r) =>
    h`<tr data-month="${r.month}" data-region="${r.region}"><th scope="row">${monthName(t, r.month)}</th><td>${regionName(r.region)}</td><td data-measure="signals">${count(t, r.signals)}</td><td data-measure="decisions">${count(t, r.decisions)}</td><td data-measure="assumption">${share(t, r.assumption, r.assumptionShare)}</td><td data-measure="obligations">${count(t, r.obligations)}</td><td data-measure="on-time">${share(t, r.obligationsOnTime, r.onTimeShare)}</td><td data-measure="late">${count(t, r.obligationsLate)}</td><td data-measure="hold">${mean(t, r.hold)}</td><td data-measure="alerts">${count(t, r.alerts)}</td><td data-measure="to-first-alert">${mean(t, r.toFirstAlert)}</td><td data-measure="corrections">${count(t, r.corrections)}</td><td data-measure="splits">${count(t, r.splits)}</td></tr>`,
)}
</tbody></table></div></section>`;
}
