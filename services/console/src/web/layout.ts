import type { Identity } from '../access/identity.js';
import { h, type Raw } from './html.js';
import { LANGS, translator, type Lang } from './i18n.js';

export interface PageContext {
  readonly lang: Lang;
  readonly who?: Identity;
  readonly csrf?: string;
  readonly nav?: readonly { href: string; label: string }[];
  /** The page's own path, for the language links. */
  readonly path: string;
}

/** One accessible page: language, skip link, one h1, landmarks; only local assets (CSP 'self'). */
export function page(c: PageContext, title: string, body: Raw): string {
  const t = translator(c.lang);
  const other = LANGS.filter((l) => l !== c.lang);
  const sep = c.path.includes('?') ? '&' : '?';
  return h`<!doctype html>
<html lang="${c.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${t('appName')}</title><link rel="stylesheet" href="/assets/console.css"><script src="/assets/console.js" defer></script></head>
<body><a class="skip" href="#main">${c.lang === 'nl' ? 'Naar de inhoud' : 'Skip to content'}</a>
<header><strong>${t('appName')}</strong>
<nav aria-label="${c.lang === 'nl' ? 'Hoofdmenu' : 'Main menu'}">${(c.nav ?? []).map((n) => h`<a href="${n.href}">${n.label}</a>`)}</nav>
${c.who ? h`<span>${t('signedInAs')} ${c.who.displayName}</span><form method="post" action="/logout"><input type="hidden" name="csrf" value="${c.csrf ?? ''}"><button type="submit">${t('signOut')}</button></form><form method="post" action="/logout/everywhere"><input type="hidden" name="csrf" value="${c.csrf ?? ''}"><button type="submit">${t('signOutEverywhere')}</button></form>` : ''}
<span>${t('language')}: ${other.map((l) => h`<a href="${c.path}${sep}lang=${l}" hreflang="${l}" lang="${l}">${l.toUpperCase()}</a>`)}</span>
</header>
<main id="main" tabindex="-1"><h1>${title}</h1>
${body}
</main></body></html>`.html;
}
