import type { Lang } from './i18n.js';

/**
 * Words for the codes a page would otherwise show (categories, severities, relations, kinds
 * of agency, obligations), in each language of the console. Every code has a word in every
 * language (tested); an unknown code is shown as it is rather than hidden.
 */
const WORDS = {
  nl: {
    category: {
      DOMESTIC_VIOLENCE: 'huiselijk geweld',
      CHILD_ABUSE: 'kindermishandeling',
      AGGRESSION: 'agressie',
      HOUSING_NUISANCE: 'woonoverlast',
      PSYCHIATRIC_CRISIS: 'psychiatrische crisis',
      ADDICTION: 'verslaving',
      DEBT: 'schulden',
      HOUSING_PROBLEM: 'woonproblemen',
      DIVORCE_CONFLICT: 'vechtscheiding',
      CRIMINAL_CASE: 'strafzaak',
      SCHOOL_ABSENCE: 'schoolverzuim',
      OTHER: 'overig',
    },
    severity: { LOW: 'laag', MEDIUM: 'gemiddeld', HIGH: 'hoog', ACUTE: 'acuut' },
    relation: {
      PARENT: 'ouder',
      CHILD: 'kind',
      SIBLING: 'broer of zus',
      PARTNER: 'partner',
      EX_PARTNER: 'ex-partner',
      HOUSEHOLD_MEMBER: 'huisgenoot',
    },
    agencyKind: {
      POLICE: 'politie',
      MENTAL_HEALTH: 'ggz',
      LOCAL_TEAM: 'lokaal team',
      RVT: 'regionaal veiligheidsteam',
      JUSTICE: 'justitie',
      PRIVACY_OFFICER: 'functionaris gegevensbescherming',
      OPERATOR: 'beheer',
      PROGRAMME_OFFICE: 'programmabureau',
    },
    outcome: {
      DISCLOSE: 'gedeeld',
      INDEX: 'alleen vermeld (index)',
      HOLD: 'aangehouden',
      DENY: 'niet gedeeld',
    },
    stream: {
      INGRESS: 'binnenkomst van signalen',
      RECEIPTS: 'ontvangstbevestigingen',
      SIGNALS: 'gecontroleerde signalen',
      ALERTS: 'meldingen aan regionale veiligheidsteams',
      AUDIT: 'auditlog',
    },
    service: {
      'broker-gateway': 'poort: controle van binnenkomende signalen',
      consent: 'grondslagdienst: beslissingen en meldingen',
      audit: 'auditdienst: het log verzegelen',
    },
    obligation: {
      HUMAN_REVIEW_24H: 'menselijke beoordeling binnen 24 uur',
      HUMAN_DECISION: 'besluit over het aangehouden signaal',
      COMPLETE_MELDCODE_WEIGHING: 'afweging meldcode afronden',
    },
  },
  en: {
    category: {
      DOMESTIC_VIOLENCE: 'domestic violence',
      CHILD_ABUSE: 'child abuse',
      AGGRESSION: 'aggression',
      HOUSING_NUISANCE: 'housing nuisance',
      PSYCHIATRIC_CRISIS: 'psychiatric crisis',
      ADDICTION: 'addiction',
      DEBT: 'debt',
      HOUSING_PROBLEM: 'housing problems',
      DIVORCE_CONFLICT: 'high-conflict divorce',
      CRIMINAL_CASE: 'criminal case',
      SCHOOL_ABSENCE: 'school absence',
      OTHER: 'other',
    },
    severity: { LOW: 'low', MEDIUM: 'medium', HIGH: 'high', ACUTE: 'acute' },
    relation: {
      PARENT: 'parent',
      CHILD: 'child',
      SIBLING: 'sibling',
      PARTNER: 'partner',
      EX_PARTNER: 'ex-partner',
      HOUSEHOLD_MEMBER: 'household member',
    },
    agencyKind: {
      POLICE: 'police',
      MENTAL_HEALTH: 'mental health care',
      LOCAL_TEAM: 'local team',
      RVT: 'regional safety team',
      JUSTICE: 'justice',
      PRIVACY_OFFICER: 'data protection officer',
      OPERATOR: 'operations',
      PROGRAMME_OFFICE: 'programme office',
    },
    outcome: {
      DISCLOSE: 'disclosed',
      INDEX: 'listed only (index)',
      HOLD: 'held',
      DENY: 'not disclosed',
    },
    stream: {
      INGRESS: 'incoming signals',
      RECEIPTS: 'receipts',
      SIGNALS: 'verified signals',
      ALERTS: 'alerts to regional safety teams',
      AUDIT: 'audit log',
    },
    service: {
      'broker-gateway': 'gateway: checks incoming signals',
      consent: 'legal-basis service: decisions and alerts',
      audit: 'audit service: seals the log',
    },
    obligation: {
      HUMAN_REVIEW_24H: 'human review within 24 hours',
      HUMAN_DECISION: 'decision about the held signal',
      COMPLETE_MELDCODE_WEIGHING: 'complete the Meldcode weighing',
    },
  },
} as const satisfies Record<Lang, Record<string, Record<string, string>>>;

export type CodeKind = keyof (typeof WORDS)['nl'];

/** Obligations that are the RVT's own to meet (the Meldcode weighing is the professional's who reported). */
export const RVT_OBLIGATIONS: ReadonlySet<string> = new Set(['HUMAN_REVIEW_24H', 'HUMAN_DECISION']);

/** The word for a code (an enum name without its prefix, e.g. DOMESTIC_VIOLENCE). */
export function word(lang: Lang, kind: CodeKind, code: string): string {
  return (WORDS[lang][kind] as Record<string, string>)[code] ?? code;
}

/** Every code of a kind, for the test that each has a word in each language. */
export const codesOf = (kind: CodeKind): string[] => Object.keys(WORDS.nl[kind]);
export const languagesOf = (): Lang[] => Object.keys(WORDS) as Lang[];

/** A moment as people here read it: Dutch local time (Europe/Amsterdam), in the page's language. */
export function localTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/** A day as people here read it: "3 dec. 2026", Dutch local date, in the page's language. */
export function localDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(d);
}

/**
 * Why an alert was sent, in words. The consent service states it in the shapes of the alert
 * rule (packages/decision, alert-rule.ts) and of a correction; each shape has its words here
 * (tested against that rule), and anything else is shown as it is.
 */
export function alertReasonWords(lang: Lang, reason: string): string {
  const nl = lang === 'nl';
  const sev = (code: string) => word(lang, 'severity', code);
  if (reason === 'an ACUTE signal') return nl ? 'een acuut signaal' : 'an acute signal';
  const agencies = /^signals from (\d+) agencies within (\d+) days$/.exec(reason);
  if (agencies)
    return nl
      ? `signalen van ${agencies[1]} instanties binnen ${agencies[2]} dagen`
      : `signals from ${agencies[1]} agencies within ${agencies[2]} days`;
  const serious = /^(\d+) signals of severity (\w+) or higher$/.exec(reason);
  if (serious)
    return nl
      ? `${serious[1]} signalen met ernst ${sev(serious[2]!)} of hoger`
      : `${serious[1]} signals of severity ${sev(serious[2]!)} or higher`;
  if (reason.startsWith('correction:'))
    return nl
      ? 'correctie: personen die eerdere versies als één gezinssysteem toonden, horen niet meer bij elkaar; die versies waren onjuist of verouderd'
      : 'correction: persons earlier versions showed as one family system are no longer linked; those versions were wrong or out of date';
  return reason;
}

/**
 * An obligation as the alert carries it ("HUMAN_REVIEW_24H due 2026-12-08T00:30:41.522Z"):
 * what, by when in local time, and how much time is left — or that it is overdue.
 */
export function obligation(lang: Lang, text: string, now: number): { what: string; when: string; overdue: boolean } {
  const m = /^(\S+) due (\S+)$/.exec(text);
  if (!m) return { what: text, when: '', overdue: false };
  const due = Date.parse(m[2]!);
  const left = due - now;
  const hours = Math.floor(Math.abs(left) / 3_600_000);
  const minutes = Math.floor((Math.abs(left) % 3_600_000) / 60_000);
  const span = hours > 0 ? `${hours} u ${minutes} min` : `${minutes} min`;
  const when =
    lang === 'nl'
      ? `uiterlijk ${localTime(m[2]!, lang)} (${left >= 0 ? `nog ${span}` : `${span} te laat`})`
      : `by ${localTime(m[2]!, lang)} (${left >= 0 ? `${span.replace(' u ', ' h ')} left` : `${span.replace(' u ', ' h ')} overdue`})`;
  return { what: word(lang, 'obligation', m[1]!), when, overdue: left < 0 };
}
