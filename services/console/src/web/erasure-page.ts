import { ERASURE_REASONS, type ErasureResult } from '@samenhang/audit-log';
import { h, type Raw } from './html.js';
import type { MessageKey, Translator } from './i18n.js';
import { localTime } from './labels.js';

/**
 * The broker's privacy officer's erasure form (AVG art. 17, a court order). Posted, never in a
 * URL (history, proxies): the BSN is pseudonymised by the console and goes no further. After an
 * erasure: what was done, by pseudonym, count and the tombstone's id.
 */
const REASON_KEY = {
  AVG17_REQUEST: 'eraseReasonRequest',
  COURT_ORDER: 'eraseReasonCourt',
  UNLAWFUL_PROCESSING: 'eraseReasonUnlawful',
} as const satisfies Record<(typeof ERASURE_REASONS)[number], MessageKey>;

export function erasureBody(t: Translator, csrf: string, result?: ErasureResult, problem?: string): Raw {
  return h`<p>${t('eraseHelp')}</p>
<form method="post" action="/audit/erase"><input type="hidden" name="csrf" value="${csrf}">
<label>${t('bsn')} <input name="bsn" required inputmode="numeric" pattern="[0-9]{9}" autocomplete="off"></label>
<label>${t('eraseReason')} <select name="reason" required>${ERASURE_REASONS.map((r) => h`<option value="${r}">${t(REASON_KEY[r])}</option>`)}</select></label>
<label>${t('eraseOrder')} <input name="order" maxlength="80" autocomplete="off"></label>
<button type="submit">${t('eraseButton')}</button></form>
${problem ? h`<p class="problem" role="alert">${problem}</p>` : ''}
${
  result?.ok
    ? h`<section id="erased" data-erasure="${result.erasureId}" data-signals="${String(result.signals)}"><h2>${t('erased', result.signals)}</h2>
<p>${result.person} — ${localTime(result.time, t.lang)} — ${result.erasureId}</p></section>`
    : ''
}`;
}

/**
 * Before anything is destroyed: what the log holds about this person (how many signals, from
 * which agencies), and that it cannot be undone — a mistyped BSN that passes the 11-test is
 * caught here. The form posts the same fields again, with the confirmation.
 */
export function erasureConfirmBody(
  t: Translator,
  csrf: string,
  asked: { readonly bsn: string; readonly reason: string; readonly order?: string },
  known: { readonly signals: number; readonly agencies: readonly string[] },
): Raw {
  return h`<section id="confirm-erase" data-signals="${String(known.signals)}">
<p role="alert">${known.signals === 0 ? t('eraseConfirmNone') : t('eraseConfirm', known.signals, known.agencies.join(', '))}</p>
<form method="post" action="/audit/erase"><input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="bsn" value="${asked.bsn}"><input type="hidden" name="reason" value="${asked.reason}">
<input type="hidden" name="order" value="${asked.order ?? ''}"><input type="hidden" name="confirm" value="yes">
<button type="submit">${t('eraseConfirmButton')}</button> <a href="/audit/erase">${t('eraseCancel')}</a></form></section>`;
}
