import { REQUESTER_KINDS, type ReportLang, type RequesterKind } from '@samenhang/audit-log';
import { isValidBsn } from '@samenhang/signal';
import type { MessageKey } from './i18n.js';

export type AccessRequest =
  | { readonly bsn: string; readonly lang: ReportLang; readonly kind: RequesterKind; readonly requesterBsn?: string }
  | { readonly problem: MessageKey };

/**
 * The access report form, checked as the CLI checks its flags: a valid BSN; someone other
 * than the person names their own BSN, so signals that name them can be withheld
 * (docs/audit.md); the person themselves names none other than their own.
 */
export function accessRequest(body: URLSearchParams, pageLang: ReportLang): AccessRequest {
  const bsn = (body.get('bsn') ?? '').trim();
  if (!isValidBsn(bsn)) return { problem: 'bsn' };
  const lang = body.get('lang') ?? pageLang;
  if (lang !== 'nl' && lang !== 'en') return { problem: 'reportLanguage' };
  const kind = (body.get('requester') ?? 'self') as RequesterKind;
  if (!REQUESTER_KINDS.includes(kind)) return { problem: 'requester' };
  const requesterBsn = (body.get('requester-bsn') ?? '').trim();
  if (kind === 'self')
    return requesterBsn === '' || requesterBsn === bsn ? { bsn, lang, kind } : { problem: 'requester' };
  if (!isValidBsn(requesterBsn)) return { problem: 'requesterBsn' };
  return { bsn, lang, kind, requesterBsn };
}
