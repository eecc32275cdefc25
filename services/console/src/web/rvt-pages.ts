import { fromTimestamp, type v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';
import { h, type Raw } from './html.js';
import { choiceFits, type HumanChoice } from './human-decisions.js';
import { entriesOf } from './view-records.js';
import type { Translator } from './i18n.js';
import { obligation, RVT_OBLIGATIONS, word } from './labels.js';

type T = Translator;
const day = (ts: v1.AlertEntry['observedAt']) => {
  const ms = fromTimestamp(ts);
  return ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10);
};
const row = (label: string, value: unknown) => (value ? h`<dt>${label}</dt><dd>${value}</dd>` : '');

function contact(c: v1.AlertEntry['contact']): Raw | string {
  if (!c || !(c.name || c.phone || c.email)) return '';
  return h`${c.name}${c.phone ? h` — <a href="tel:${c.phone}">${c.phone}</a>` : ''}${c.email ? h` — <a href="mailto:${c.email}">${c.email}</a>` : ''}`;
}

/** The words for each decision a person can take. */
const CHOICE_LABEL = {
  UPHELD: 'reviewUpheld',
  WITHDRAW: 'reviewWithdraw',
  RELEASE: 'holdRelease',
  DENY: 'holdDeny',
} as const;

/** The RVT's own obligations of an entry: what, by when in local time, time left or overdue. */
function obligations(t: T, e: v1.AlertEntry): Raw | string {
  const own = e.obligations.filter((o) => RVT_OBLIGATIONS.has(o.split(' ')[0]!));
  if (own.length === 0) return '';
  const now = Date.now();
  return h`<ul class="obligations">${own.map((o) => {
    const x = obligation(t.lang, o, now);
    return h`<li class="${x.overdue ? 'overdue' : 'due'}"><strong>${x.what}</strong> — ${x.when}</li>`;
  })}</ul>`;
}

/** One entry: INDEX and DISCLOSE look different (border, badge, text), and say why they are shown. */
function entry(
  t: T,
  a: v1.HouseholdAlert,
  e: v1.AlertEntry,
  csrf: string,
  decided: ReadonlyMap<string, HumanChoice>,
): Raw {
  const disclose = e.shownAs === 'DISCLOSE';
  const done = decided.get(e.decisionId);
  const choices = (['UPHELD', 'WITHDRAW', 'RELEASE', 'DENY'] as const).filter((c) => choiceFits(c, e));
  return h`<section class="entry ${disclose ? 'disclose' : 'index'}" data-signal="${e.signalId}" data-shown-as="${e.shownAs}" aria-label="${t('signal')} ${e.signalId}">
<p><span class="badge">${disclose ? t('entryDisclose') : t('entryIndex')}</span> ${word(t.lang, 'agencyKind', e.agencyKind)}${e.category ? h` · ${word(t.lang, 'category', nameOf('category', e.category))}` : ''} · ${day(e.observedAt)}</p>
${disclose ? '' : h`<p>${t('indexExplain')}</p>`}
<dl>
${row(t('agency'), e.agencyId)}
${row(t('contact'), contact(e.contact))}
${row(t('severity'), e.severity ? word(t.lang, 'severity', nameOf('severity', e.severity)) : '')}
${row(t('summary'), e.summary)}
${row(t('subject'), e.subject?.name ? `${e.subject.name}${e.subject.birthDate ? ` (${e.subject.birthDate})` : ''}` : '')}
${row(t('address'), e.address?.postcode ? `${e.address.postcode} ${e.address.houseNumber}${e.address.houseNumberSuffix ?? ''}` : '')}
${row(t('related'), (e.relatedPersons ?? []).map((p) => `${p.name}${p.birthDate ? ` (${p.birthDate})` : ''}, ${word(t.lang, 'relation', nameOf('relation', p.relation ?? 0))}`).join('; '))}
</dl>
<details class="why"><summary>${t('why')}</summary>
<dl>${row(t('rule'), e.decidingRule)}${row(t('citation'), e.citation)}</dl>
${e.assumption ? h`<p class="assumption">${t('assumption')}</p>` : ''}
<p>${e.explanation}</p></details>
${obligations(t, e)}
${done ? h`<p class="ok" role="status">${t('reviewDone', t(CHOICE_LABEL[done]))}</p>` : ''}
${
  choices.length > 0 && !done
    ? h`<form method="post" action="/rvt/reviews"><fieldset><legend>${t(e.outcome === 'HOLD' ? 'holdLegend' : 'reviewLegend')} (${e.signalId})</legend>
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="systemId" value="${a.systemId}"><input type="hidden" name="decisionId" value="${e.decisionId}">
${choices.map((c, i) => h`<label><input type="radio" name="outcome" value="${c}"${i === 0 ? h` required` : ''}> ${t(CHOICE_LABEL[c])}</label>`)}
<button type="submit">${t('reviewSave')}</button></fieldset></form>`
    : ''
}
</section>`;
}

/**
 * One alert. A notice (from the ALERTS stream) carries no content: `notice` adds the link that
 * fetches the family's current picture, which the consent service records as a disclosure.
 */
export function alertCard(
  t: T,
  a: v1.HouseholdAlert,
  csrf: string,
  decided: ReadonlyMap<string, HumanChoice>,
  notice = false,
  isNew = false,
): Raw {
  return h`<article class="alert${isNew ? ' new' : ''}" data-system="${a.systemId}" data-version="${a.version}" aria-labelledby="a-${a.alertId}">
<h2 id="a-${a.alertId}">${isNew ? h`<span class="badge new-badge">${t('newSince')}</span> ` : ''}${t('alertVersion', a.systemId.slice(0, 12), a.version)}</h2>
<p>${t('persons', a.persons)}${a.reason ? h` · ${t('reason')}: ${a.reason}` : ''}</p>
${notice ? h`<p><a class="open-picture" href="/rvt/picture?system=${a.systemId}">${t('openPicture')}</a></p>` : ''}
${entriesOf(a).map((e) => entry(t, a, e, csrf, decided))}
</article>`;
}

export function alertsBody(
  t: T,
  alerts: readonly v1.HouseholdAlert[],
  csrf: string,
  decided: ReadonlyMap<string, HumanChoice>,
  position: number,
  since?: number,
): Raw {
  return h`<p>${t('alertsLive')}</p><p id="live-status" class="noprint" role="status" aria-live="polite"></p>
<p id="live-state" class="noprint live-state" role="alert" data-on="${t('liveOn')}" data-lost="${t('liveLost')}" data-ended="${t('liveEnded')}"></p>
<div id="alerts" data-live="/rvt/events?after=${position}">
${alerts.length === 0 ? h`<p id="no-alerts">${t('noAlerts')}</p>` : ''}
${alerts.map((a) => alertCard(t, a, csrf, decided, true, since !== undefined && (fromTimestamp(a.createdAt) ?? 0) > since))}
</div>`;
}

export function pictureBody(
  t: T,
  q: { postcode?: string; number?: string; suffix?: string },
  result?: { alert?: v1.HouseholdAlert; empty?: string },
  csrf = '',
): Raw {
  return h`<form method="get" action="/rvt/picture">
<label>${t('postcode')} <input name="postcode" required pattern="[0-9]{4} ?[A-Za-z]{2}" value="${q.postcode ?? ''}" autocomplete="off"></label>
<label>${t('houseNumber')} <input name="number" required inputmode="numeric" pattern="[0-9]+" value="${q.number ?? ''}" autocomplete="off"></label>
<label>${t('suffix')} <input name="suffix" value="${q.suffix ?? ''}" autocomplete="off"></label>
<button type="submit">${t('show')}</button></form>
${result?.empty ? h`<p role="status">${t('noPicture', result.empty)}</p>` : ''}
${result?.alert ? alertCard(t, result.alert, csrf, new Map()) : ''}`;
}
