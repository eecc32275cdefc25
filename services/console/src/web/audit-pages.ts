import {
  REQUESTER_KINDS,
  renderCitizenReport,
  type CitizenReport,
  type ReportLang,
  type Checkpoint,
  type DisclosureRecord,
  type VerifyReport,
} from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';
import { h, Raw } from './html.js';
import type { translator } from './i18n.js';
import { localTime } from './labels.js';

type T = ReturnType<typeof translator>;

export function statusBody(
  t: T,
  csrf: string,
  cp: Checkpoint | undefined,
  last: { at: string; report: VerifyReport } | undefined,
): Raw {
  const r = last?.report;
  return h`<section aria-labelledby="cp"><h2 id="cp">${t('latestCheckpoint')}</h2>
${cp ? h`<dl><dt>${t('treeSize')}</dt><dd id="tree-size">${cp.treeSize}</dd><dt>${t('rootHash')}</dt><dd class="hash">${cp.rootHash}</dd><dt>${t('time')}</dt><dd>${localTime(cp.time, t.lang)}</dd></dl>` : h`<p>—</p>`}
</section>
<section aria-labelledby="lv"><h2 id="lv">${t('lastVerification')}</h2>
${!last ? h`<p>${t('never')}</p>` : r!.ok ? h`<p id="verify-result" class="ok" role="status">${t('verifyOk', r!.records, r!.checkpoints)} — ${localTime(last.at, t.lang)}</p>` : h`<p id="verify-result" class="problem" role="alert">${t('verifyFailed', r!.problem?.what ?? '')} — ${localTime(last.at, t.lang)}</p>`}
<form method="post" action="/audit/verify"><input type="hidden" name="csrf" value="${csrf}"><button type="submit">${t('verifyNow')}</button></form>
</section>`;
}

export interface Filters {
  readonly recipient?: string;
  /** A signal id is unique per agency only: a decision is found by (agency, signal id). */
  readonly agency?: string;
  /** Who looked: a person's pseudonymous id (person:…). */
  readonly viewer?: string;
  readonly signal?: string;
  readonly since?: string;
  readonly until?: string;
}

/** Rows per page of the privacy officer's lists (the index pages them; the CSV export has them all). */
export const AUDIT_PAGE_ROWS = 50;
/** The most rows an export holds (a month of one region's disclosures at national scale is some 5,000). */
export const AUDIT_EXPORT_ROWS = 50_000;

/** Which page of how many rows in all. */
export interface Paging {
  readonly total: number;
  readonly page: number;
}

/** The same query on another page, or as CSV: the filters stay in the link. */
function linkTo(action: string, f: Filters, extra: Record<string, string>): string {
  const q = new URLSearchParams({ ...(f as Record<string, string>), ...extra });
  return `${action}?${q.toString()}`;
}

function pager(t: T, action: string, f: Filters, p: Paging, shown: number): Raw {
  const from = shown === 0 ? 0 : (p.page - 1) * AUDIT_PAGE_ROWS + 1;
  const last = Math.max(1, Math.ceil(p.total / AUDIT_PAGE_ROWS));
  return h`<nav class="pager" aria-label="${t('pages')}"><p>${t('rowsOfTotal', from, from + shown - (shown ? 1 : 0), p.total)}</p>
${p.page > 1 ? h`<a rel="prev" href="${linkTo(action, f, { page: String(p.page - 1) })}">${t('previousPage')}</a> ` : ''}${p.page < last ? h`<a rel="next" href="${linkTo(action, f, { page: String(p.page + 1) })}">${t('nextPage')}</a> ` : ''}<a download href="${linkTo(action, f, { format: 'csv' })}">${t('exportCsv')}</a></nav>`;
}

function filterForm(t: T, action: string, f: Filters, withRecipient: boolean): Raw {
  return h`<form method="get" action="${action}">
${withRecipient ? h`<label>${t('recipient')} <input name="recipient" value="${f.recipient ?? ''}"></label><label>${t('viewer')} <input name="viewer" value="${f.viewer ?? ''}" placeholder="person:…"></label>` : ''}
<label>${t('agency')} <input name="agency" value="${f.agency ?? ''}"></label>
<label>${t('signal')} <input name="signal" value="${f.signal ?? ''}"></label>
<label>${t('since')} <input type="date" name="since" value="${f.since ?? ''}"></label>
<label>${t('until')} <input type="date" name="until" value="${f.until ?? ''}"></label>
<button type="submit">${t('filter')}</button></form>`;
}

export function disclosuresBody(t: T, f: Filters, rows: readonly DisclosureRecord[], p: Paging): Raw {
  return h`${filterForm(t, '/audit/disclosures', f, true)}
${pager(t, '/audit/disclosures', f, p, rows.length)}
<table><caption>${t('disclosures')} (${p.total})</caption><thead><tr><th scope="col">${t('time')}</th><th scope="col">${t('kind')}</th><th scope="col">${t('recipient')}</th><th scope="col">${t('signal')}</th><th scope="col">${t('rule')}</th></tr></thead>
<tbody>${rows.map((d) => h`<tr><td>${d.time}</td><td>${d.kind}</td><td>${d.recipient}${d.viewer ? h` (<span data-viewer="${d.viewer}">${d.viewer}</span>${d.viewerRole ? `, ${d.viewerRole}` : ''})` : ''}</td><td>${d.sourceSignals.join(', ')}</td><td>${d.legalBasis.map((b) => `${b.signalId}: ${b.rule}`).join('; ')}</td></tr>`)}</tbody></table>`;
}

/** The words for a person's decision (console i18n keys). */
const HUMAN_LABEL = {
  REVIEW_UPHELD: 'reviewUpheld',
  REVIEW_WITHDRAW: 'reviewWithdraw',
  HOLD_RELEASE: 'holdRelease',
  HOLD_DENY: 'holdDeny',
} as const;

export function decisionsBody(t: T, f: Filters, rows: readonly DecisionRecord[], p: Paging): Raw {
  return h`${filterForm(t, '/audit/decisions', f, false)}
<p>${t('decisions')}: ${p.total}</p>
${pager(t, '/audit/decisions', f, p, rows.length)}
${rows.map((d) => {
  const rule = d.rulesEvaluated.find((r) => r.id === d.decidingRule);
  return h`<article class="alert" aria-labelledby="d-${d.decisionId}"><h2 id="d-${d.decisionId}">${d.signalId} — ${d.outcome}</h2>
<dl><dt>${t('time')}</dt><dd>${d.decidedAt}</dd><dt>${t('agency')}</dt><dd>${d.sourceAgency} (${d.sourceKind})</dd><dt>${t('recipient')}</dt><dd>${d.recipient}</dd>
<dt>${t('rule')}</dt><dd>${d.decidingRule}</dd>${d.human ? h`<dt>${t('decidedBy')}</dt><dd data-human="${d.human.kind}">${d.human.by} (${d.human.organisation}) — ${t(HUMAN_LABEL[d.human.kind])}</dd>` : ''}<dt>${t('citation')}</dt><dd>${rule?.citation ?? ''}</dd><dt>${t('fields')}</dt><dd>${d.fields.join(', ') || t('none')}</dd></dl>
${rule?.assumption ? h`<p class="assumption">${t('assumption')} ${rule.assumptionNote ?? ''}</p>` : ''}
<details><summary>${t('why')}</summary><p>${rule?.reason ?? d.failClosedReason ?? ''}</p>
<ul>${d.refused.map((x) => h`<li>${x.outcome} — ${x.rule}: ${x.reason}</li>`)}</ul>
<p>${t('obligations')}: ${d.obligations.map((o) => `${o.type} ${o.dueAt}`).join('; ') || t('none')}</p>
<p class="hash">policy ${d.policy?.version ?? '—'} · ${d.decisionId}</p></details></article>`;
})}`;
}

const REQUESTER_LABEL = {
  self: 'requesterSelf',
  parent: 'requesterParent',
  guardian: 'requesterGuardian',
  representative: 'requesterRepresentative',
} as const;

/**
 * The privacy officer's access report page: the form (a BSN is posted, never in a URL:
 * history, proxies) and the report as the shared renderer makes it, the same as the CLI's.
 * The report's print stylesheet is an asset: the console's CSP allows no inline style.
 */
export function accessReportBody(
  t: T,
  csrf: string,
  report?: { readonly model: CitizenReport; readonly lang: ReportLang },
  problem?: string,
): Raw {
  return h`<form method="post" action="/audit/access-report"><input type="hidden" name="csrf" value="${csrf}">
<label>${t('bsn')} <input name="bsn" required inputmode="numeric" pattern="[0-9]{9}" autocomplete="off"></label>
<label>${t('requester')} <select name="requester">${REQUESTER_KINDS.map((k) => h`<option value="${k}">${t(REQUESTER_LABEL[k])}</option>`)}</select></label>
<label>${t('requesterBsn')} <input name="requester-bsn" inputmode="numeric" pattern="[0-9]{9}" autocomplete="off"></label>
<label>${t('reportLanguage')} <select name="lang">${(['nl', 'en'] as const).map((l) => h`<option value="${l}"${l === t.lang ? new Raw(' selected') : ''}>${t(l === 'nl' ? 'dutch' : 'english')}</option>`)}</select></label>
<button type="submit">${t('show')}</button></form>
${problem ? h`<p class="problem" role="alert">${problem}</p>` : ''}
${report ? h`<link rel="stylesheet" href="/assets/access-report.css"><section id="report">${new Raw(renderCitizenReport(report.model, report.lang))}</section>` : ''}`;
}

export interface ReplayResult {
  readonly policy: { readonly version: string; readonly digest: string };
  readonly asOf: string;
  readonly evaluated: number;
  readonly changed: number;
  readonly byChange: Record<string, number>;
  readonly alerts: Record<string, number>;
}

export function whatIfBody(t: T, csrf: string, result?: ReplayResult, problem?: string): Raw {
  return h`<p>${t('whatIfHelp')}</p>
<form method="post" action="/audit/what-if"><input type="hidden" name="csrf" value="${csrf}">
<label for="replay-file">${t('replayFile')}</label> <input type="file" id="replay-file" accept="application/json,.json"><br>
<label for="replay-json">${t('replayFile')}</label><textarea id="replay-json" name="replay" required></textarea>
<button type="submit">${t('evaluate')}</button></form>
${problem ? h`<p class="problem" role="alert">${t('invalidInput', problem)}</p>` : ''}
${
  result
    ? h`<section id="what-if-result" aria-labelledby="wi"><h2 id="wi">${t('whatIfSummary', result.policy.version, result.asOf, result.evaluated, result.changed)}</h2>
<table><thead><tr><th scope="col">${t('change')}</th><th scope="col">${t('count')}</th></tr></thead><tbody>
${Object.entries(result.byChange)
  .sort((a, b) => b[1] - a[1])
  .map(([k, n]) => h`<tr><td>${k}</td><td>${n}</td></tr>`)}
${Object.entries(result.alerts).map(([k, n]) => h`<tr><td>${t('alertChanges')}: ${k}</td><td>${n}</td></tr>`)}</tbody></table></section>`
    : ''
}`;
}
