import type { CitizenReport, CitizenSignal, HeldAddress, RecipientGroup, ReportLang } from './model.js';
import type { Words } from './words.js';
import { EN } from './words-en.js';
import { NL } from './words-nl.js';

export const REPORT_WORDS: Readonly<Record<ReportLang, Words>> = { nl: NL, en: EN };

/**
 * The report's print stylesheet: the browser's "print" makes the PDF, so no PDF library.
 * The CLI's document carries it inline; the console serves it as an asset (its CSP allows
 * no inline style).
 */
export const CITIZEN_REPORT_CSS = `#access-report { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; color: #111; }
#access-report h2 { font-size: 1.3rem; margin-top: 2rem; }
#access-report h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
#access-report .signal { border: 1px solid #bbb; border-radius: 4px; padding: .75rem 1rem; margin: 1rem 0; }
#access-report dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
#access-report dt { font-weight: 600; }
#access-report dd { margin: 0; }
#access-report .check { border: 2px solid #a4262c; padding: .5rem .75rem; }
@media print {
  body > header, nav, form, .noprint { display: none !important; }
  #access-report { max-width: none; font-size: 11pt; }
  #access-report .signal { break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; }
}
`;

const esc = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A date as a person reads it, in the Netherlands' time zone. */
function day(iso: string, w: Words): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(w.lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
}

const address = (a: HeldAddress) => `${a.postcode} ${a.houseNumber}${a.houseNumberSuffix ?? ''}`;

function recipient(r: RecipientGroup, w: Words): string {
  const line =
    r.how === 'sent'
      ? w.sent(r.recipientName, r.times, day(r.first, w), day(r.last, w))
      : w.viewed(r.recipientName, r.times, r.viewers, day(r.first, w), day(r.last, w));
  const fields = r.fields.map((f) => w.fields[f] ?? f);
  return `<li data-recipient="${esc(r.recipient)}" data-how="${r.how}">${esc(line)} ${esc(fields.length ? w.showed(w.list(fields)) : w.nothingOfYou)}</li>`;
}

function signal(s: CitizenSignal, w: Words, now: string): string {
  const category = w.categories[s.category] ?? s.category;
  const row = (label: string, value: string) => `<dt>${esc(label)}</dt><dd>${value}</dd>`;
  const basis = `${esc(w.rules[s.rule] ?? w.unknownRule)} (${esc(w.citation(s.citation))})${s.assumption ? ` ${esc(w.assumption)}` : ''}`;
  return `<section class="signal" data-signal="${esc(s.signalId)}" data-role="${s.role}">
<h3>${esc(w.signalHeading(category, s.agencyName, day(s.observedAt, w)))}</h3>
<p>${esc(s.role === 'subject' ? w.roleSubject : w.roleRelated)}</p>
<dl>
${row(w.source, esc(s.agencyName))}
${row(w.what, esc(category))}
${s.role === 'subject' ? row(w.severityLabel, esc(w.severities[s.severity] ?? s.severity)) : ''}
${s.summary !== undefined ? row(w.summary, `<span data-copy="summary">${esc(s.summary)}</span>`) : ''}
${s.address ? row(w.address, `<span data-copy="address">${esc(address(s.address))}</span>`) : ''}
${row(w.purposeLabel, esc(w.purposes[s.purpose] ?? s.purpose))}
${row(w.basisLabel, basis)}
${row(w.outcomeLabel, esc(w.outcomes[s.outcome] ?? s.outcome))}
${row(w.recipientsLabel, s.recipients.length ? `<ul>${s.recipients.map((r) => recipient(r, w)).join('')}</ul>` : esc(w.notShown))}
${row(w.retentionLabel, esc(`${w.retention(s.retentionMonths, day(s.keptUntil, w))}${s.keptUntil < now ? ` ${w.retentionPassed}` : ''}`))}
</dl>
${s.role === 'related' ? `<p>${esc(w.relatedNoCopy)}</p>` : ''}
</section>`;
}

/**
 * The report as an HTML fragment (`<article id="access-report">`): the console puts it in
 * its page, the CLI in a document of its own. One renderer, so both say the same.
 */
export function renderCitizenReport(r: CitizenReport, lang: ReportLang): string {
  const w = REPORT_WORDS[lang];
  const q = r.requester;
  return `<article id="access-report" lang="${w.lang}">
<h2>${esc(w.title)}</h2>
<p class="noprint"><button type="button" data-print>${esc(w.print)}</button></p>
<p>${esc(w.intro)}</p>
<p data-generated>${esc(w.generated(day(r.generatedAt, w)))}</p>
<p>${esc(w.requester[q.kind])}</p>
${q.needsCheck ? `<p class="check" data-check>${esc(q.checkedBy ? w.checkedBy(q.checkedBy) : w.mustCheck)}</p>` : ''}
${q.subjectAdult ? `<p class="check" data-adult>${esc(w.subjectAdult)}</p>` : ''}
<h2>${esc(w.yourData)}</h2>
${r.person ? `<dl><dt>${esc(w.name)}</dt><dd data-copy="name">${esc(r.person.name)}</dd><dt>${esc(w.birthDate)}</dt><dd data-copy="birthDate">${esc(day(r.person.birthDate, w))}</dd></dl>` : `<p>${esc(w.noPersonHeld)}</p>`}
<h2 id="signals">${esc(r.signals.length ? w.signalsHeading(r.signals.length) : w.noSignals)}</h2>
${r.signals.map((s) => signal(s, w, r.generatedAt)).join('\n')}
<h2>${esc(w.withheldHeading)}</h2>
<ul>${r.withheld.map((x) => `<li data-withheld="${x.reason}">${esc(w.withheld[x.reason](x.count))}</li>`).join('')}</ul>
<h2>${esc(w.rightsHeading)}</h2>
<ul>${w.rights.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
<p>${esc(w.complaint)}</p>
<p>${esc(w.sendTo(r.contact))}</p>
<p>${esc(w.humanJudgement)}</p>
</article>`;
}

/** A document of its own (the CLI's `--html`): the fragment, its stylesheet, and a print button that works. */
export function citizenReportDocument(r: CitizenReport, lang: ReportLang): string {
  const w = REPORT_WORDS[lang];
  return `<!doctype html>
<html lang="${w.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(w.title)}</title><style>${CITIZEN_REPORT_CSS}</style></head>
<body>
${renderCitizenReport(r, lang)}
<script>document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });</script>
</body></html>
`;
}
