import { fromTimestamp, type v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';
import type { Assignment } from '../staff/assignments.js';
import type { StaffMember } from '../staff/people.js';
import { familyGraph } from './family-graph.js';
import { h, type Raw } from './html.js';
import { choiceFits, type HumanChoice } from './human-decisions.js';
import { entriesOf } from './view-records.js';
import type { MessageKey, Translator } from './i18n.js';
import { alertReasonWords, localDate, obligation, RVT_OBLIGATIONS, word } from './labels.js';

type T = Translator;
const iso = (ts: v1.AlertEntry['observedAt']) => {
  const ms = fromTimestamp(ts);
  return ms === undefined ? '' : new Date(ms).toISOString();
};
const day = (t: T, ts: v1.AlertEntry['observedAt']) => (iso(ts) ? localDate(iso(ts), t.lang) : '');

/** Participants' display names by id (the registry's), so a page names an agency as people know it. */
export type AgencyNames = Readonly<Record<string, string>>;

/** What a card shows besides the alert: the form token, decisions taken, names, who owns it. */
export interface CardView {
  readonly csrf: string;
  readonly decided: ReadonlyMap<string, HumanChoice>;
  readonly agencies: AgencyNames;
  /** A notice from the ALERTS stream (no content): the card links to the family page. */
  readonly notice?: boolean;
  readonly isNew?: boolean;
  readonly assignment?: Assignment;
  /** The viewer's pseudonymous id: a family assigned to them is marked as theirs. */
  readonly me?: string;
}
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
function entry(t: T, a: v1.HouseholdAlert, e: v1.AlertEntry, v: CardView): Raw {
  const { csrf } = v;
  const disclose = e.shownAs === 'DISCLOSE';
  const done = v.decided.get(e.decisionId);
  const choices = (['UPHELD', 'WITHDRAW', 'RELEASE', 'DENY'] as const).filter((c) => choiceFits(c, e));
  return h`<section class="entry ${disclose ? 'disclose' : 'index'}" data-signal="${e.signalId}" data-shown-as="${e.shownAs}" aria-label="${t('signal')} ${e.signalId}">
<p><span class="badge">${disclose ? t('entryDisclose') : t('entryIndex')}</span> ${word(t.lang, 'agencyKind', e.agencyKind)}${e.category ? h` · ${word(t.lang, 'category', nameOf('category', e.category))}` : ''} · ${day(t, e.observedAt)}</p>
${disclose ? '' : h`<p>${t('indexExplain')}</p>`}
<dl>
${row(t('agency'), v.agencies[e.agencyId] ?? e.agencyId)}
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
<p>${t.lang === 'nl' && e.explanationNl ? e.explanationNl : e.explanation}</p></details>
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

/** What a notice can name a family by without content: its size and who knows it. */
function cardTitle(t: T, a: v1.HouseholdAlert): string {
  const kinds = [...new Set(entriesOf(a).map((e) => word(t.lang, 'agencyKind', e.agencyKind)))];
  return t('familyCard', a.persons, kinds.join(', '));
}

/**
 * A family by a person or address the viewer may see: the subject of its newest disclosed
 * entry, else a disclosed address, else its size (a notice names nobody: docs/console.md).
 */
export function familyName(t: T, a: v1.HouseholdAlert): string {
  const newest = [...entriesOf(a)].sort((x, y) => iso(y.observedAt).localeCompare(iso(x.observedAt)));
  const person = newest.find((e) => e.subject?.name)?.subject?.name;
  if (person) return t('familyOf', person);
  const at = newest.find((e) => e.address?.postcode)?.address;
  if (at) return t('familyAt', `${at.postcode} ${at.houseNumber}${at.houseNumberSuffix ?? ''}`);
  return t('familyUnnamed', a.persons);
}

/** Who owns the family at the RVT, and its local-team contact; "Jouw gezin" for its owner. */
function owner(t: T, v: CardView): Raw {
  const a = v.assignment;
  if (!a) return h`<p class="owner unassigned">${t('unassigned')}</p>`;
  const mine = v.me !== undefined && a.worker === v.me;
  return h`<p class="owner${mine ? ' mine' : ''}">${mine ? h`<span class="badge mine-badge">${t('yours')}</span> ` : ''}${t('assignedTo', a.workerName)}${
    a.localTeam
      ? h` · ${t('localTeamContact')}: ${a.localTeam.name}${a.localTeam.phone ? h` — <a href="tel:${a.localTeam.phone}">${a.localTeam.phone}</a>` : ''}`
      : ''
  }</p>`;
}

/**
 * One family on the work list. A notice (from the ALERTS stream) carries no content: the
 * card links to the family page, which fetches its current picture — a disclosure the
 * consent service records.
 */
export function alertCard(t: T, a: v1.HouseholdAlert, v: CardView): Raw {
  return h`<article class="alert${v.isNew ? ' new' : ''}" data-system="${a.systemId}" data-version="${a.version}"${v.assignment && v.assignment.worker === v.me ? h` data-mine="true"` : ''} aria-labelledby="a-${a.alertId}">
<h2 id="a-${a.alertId}">${v.isNew ? h`<span class="badge new-badge">${t('newSince')}</span> ` : ''}${cardTitle(t, a)} <small>${t('version', a.version)}</small></h2>
${owner(t, v)}
${a.reason ? h`<p>${t('reason')}: ${alertReasonWords(t.lang, a.reason)}</p>` : ''}
${v.notice ? h`<p><a class="open-picture" href="/rvt/picture?system=${a.systemId}">${t('openPicture')}</a></p>` : ''}
${entriesOf(a).map((e) => entry(t, a, e, v))}
</article>`;
}

export function alertsBody(
  t: T,
  cards: readonly { alert: v1.HouseholdAlert; view: CardView }[],
  position: number,
  mineOnly: boolean,
): Raw {
  return h`<p>${t('alertsLive')}</p><p id="live-status" class="noprint" role="status" aria-live="polite"></p>
<p id="live-state" class="noprint live-state" role="alert" data-on="${t('liveOn')}" data-lost="${t('liveLost')}" data-ended="${t('liveEnded')}"></p>
<p class="noprint">${mineOnly ? h`<a href="/rvt">${t('allFamilies')}</a>` : h`<a href="/rvt?mine=1">${t('mineOnly')}</a>`}</p>
<div id="alerts" data-live="/rvt/events?after=${position}">
${cards.length === 0 ? h`<p id="no-alerts">${t('noAlerts')}</p>` : ''}
${cards.map((c) => alertCard(t, c.alert, c.view))}
</div>`;
}

/** Why a picture request found nothing, in words: its reason starts with a stable code (docs/wire-contract.md). */
const EMPTY: Record<string, MessageKey> = {
  NO_POLICY: 'emptyNoPolicy',
  NOT_ALERTED: 'emptyNotAlerted',
  CORRECTED: 'emptyCorrected',
  SEVERAL_SYSTEMS: 'emptySeveral',
  ERR_INPUT_INVALID: 'emptyInvalid',
};
export const emptyWords = (t: T, reason: string) => t(EMPTY[reason.split(':')[0] ?? ''] ?? 'emptyOther');

/**
 * Finding a family: by BSN or by address, posted (never in a URL, so neither lands in a
 * browser history, a proxy log or a Referer).
 */
export function searchBody(t: T, csrf: string, problem?: string): Raw {
  return h`<p>${t('searchHelp')}</p>
${problem ? h`<p role="alert">${problem}</p>` : ''}
<form method="post" action="/rvt/picture"><fieldset><legend>${t('searchByBsn')}</legend>
<input type="hidden" name="csrf" value="${csrf}">
<label>${t('bsn')} <input name="bsn" required inputmode="numeric" pattern="[0-9]{8,9}" autocomplete="off"></label>
<button type="submit">${t('search')}</button></fieldset></form>
<form method="post" action="/rvt/picture"><fieldset><legend>${t('searchByAddress')}</legend>
<input type="hidden" name="csrf" value="${csrf}">
<label>${t('postcode')} <input name="postcode" required pattern="[0-9]{4} ?[A-Za-z]{2}" autocomplete="off"></label>
<label>${t('houseNumber')} <input name="number" required inputmode="numeric" pattern="[0-9]+" autocomplete="off"></label>
<label>${t('suffix')} <input name="suffix" autocomplete="off"></label>
<button type="submit">${t('search')}</button></fieldset></form>`;
}

/** An agency by its name, and its kind where the name does not say it ("Reclassering Nederland (justitie)"). */
function agencyWithKind(t: T, e: v1.AlertEntry, agencies: AgencyNames): string {
  const name = agencies[e.agencyId] ?? e.agencyId;
  const kind = word(t.lang, 'agencyKind', e.agencyKind);
  return name.toLowerCase().includes(kind.toLowerCase()) ? name : `${name} (${kind})`;
}

/** The signals of a family in the order they happened: when, who, what, and how they are shown. */
function timeline(t: T, a: v1.HouseholdAlert, agencies: AgencyNames): Raw {
  const entries = [...entriesOf(a)].sort((x, y) => iso(x.observedAt).localeCompare(iso(y.observedAt)));
  return h`<section aria-labelledby="timeline-h"><h2 id="timeline-h">${t('timeline')}</h2><ol class="timeline">${entries.map(
    (e) =>
      h`<li><time datetime="${iso(e.observedAt)}">${day(t, e.observedAt)}</time> — ${agencyWithKind(t, e, agencies)}${e.category ? h` — ${word(t.lang, 'category', nameOf('category', e.category))}` : ''}${e.severity ? h`, ${word(t.lang, 'severity', nameOf('severity', e.severity))}` : ''} — ${t(e.shownAs === 'DISCLOSE' ? 'shownDisclose' : 'shownIndex')}</li>`,
  )}</ol></section>`;
}

/** The coordinator's form: a worker from the staff list, and the local-team contact. */
function assignForm(t: T, a: v1.HouseholdAlert, csrf: string, staff: readonly StaffMember[], now?: Assignment): Raw {
  if (staff.length === 0) return h`<p>${t('assignNoStaff')}</p>`;
  return h`<form method="post" action="/rvt/assign" class="noprint"><fieldset><legend>${t('assignLegend')}</legend>
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="systemId" value="${a.systemId}">
<label>${t('assignWorker')} <select name="worker" required>${staff.map((m) => h`<option value="${m.id}"${now?.worker === m.id ? h` selected` : ''}>${m.name}</option>`)}</select></label>
<label>${t('assignLocalName')} <input name="localName" maxlength="120" value="${now?.localTeam?.name ?? ''}" autocomplete="off"></label>
<label>${t('assignLocalPhone')} <input name="localPhone" maxlength="40" type="tel" value="${now?.localTeam?.phone ?? ''}" autocomplete="off"></label>
<button type="submit">${t('assignSave')}</button></fieldset></form>`;
}

/**
 * A family's page: who owns it, its persons and their relations (a picture and the same as
 * text), its signals in time, and each signal as the policy lets the RVT see it, newest first.
 * `staff`: for a coordinator, who the family can be assigned to.
 */
export function familyBody(t: T, a: v1.HouseholdAlert, v: CardView, staff?: readonly StaffMember[]): Raw {
  const newest = [...entriesOf(a)].sort((x, y) => iso(y.observedAt).localeCompare(iso(x.observedAt)));
  return h`<article class="family-page" data-system="${a.systemId}" data-version="${a.version}">
${owner(t, v)}
${staff ? assignForm(t, a, v.csrf, staff, v.assignment) : ''}
<p>${t('persons', a.persons)}${a.reason ? h` · ${t('reason')}: ${alertReasonWords(t.lang, a.reason)}` : ''}</p>
${familyGraph(t, a)}
${timeline(t, a, v.agencies)}
<section aria-labelledby="entries-h"><h2 id="entries-h">${t('entriesTitle')}</h2>
${newest.map((e) => entry(t, a, e, v))}</section>
</article>`;
}
