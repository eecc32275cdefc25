import { ERASURE_REASONS, type ErasureResult } from '@samenhang/audit-log';
import { h, type Raw } from './html.js';
import type { Translator } from './i18n.js';

/**
 * The broker's privacy officer's erasure form (AVG art. 17, a court order). Posted, never in a
 * URL (history, proxies): the BSN is pseudonymised by the console and goes no further. After an
 * erasure: what was done, by pseudonym, count and the tombstone's id.
 */
export function erasureBody(t: Translator, csrf: string, result?: ErasureResult, problem?: string): Raw {
  return h`<p>${t('eraseHelp')}</p>
<form method="post" action="/audit/erase"><input type="hidden" name="csrf" value="${csrf}">
<label>${t('bsn')} <input name="bsn" required inputmode="numeric" pattern="[0-9]{9}" autocomplete="off"></label>
<label>${t('eraseReason')} <select name="reason" required>${ERASURE_REASONS.map((r) => h`<option value="${r}">${r}</option>`)}</select></label>
<label>${t('eraseOrder')} <input name="order" maxlength="80" autocomplete="off"></label>
<button type="submit">${t('eraseButton')}</button></form>
${problem ? h`<p class="problem" role="alert">${problem}</p>` : ''}
${
  result?.ok
    ? h`<section id="erased" data-erasure="${result.erasureId}" data-signals="${String(result.signals)}"><h2>${t('erased', result.signals)}</h2>
<p>${result.person} — ${result.time} — ${result.erasureId}</p></section>`
    : ''
}`;
}
