import type { RequesterKind, Withheld } from './model.js';

/**
 * Every sentence of the citizen's access report, once per language. The Dutch is written
 * at language level B1 (short sentences, everyday words, "u"); codes never reach the page:
 * each has its words here, and an unknown code falls back to a sentence that says so.
 */
export interface Words {
  readonly lang: string;
  readonly title: string;
  readonly intro: string;
  readonly generated: (date: string) => string;
  readonly print: string;
  readonly requester: Readonly<Record<RequesterKind, string>>;
  readonly mustCheck: string;
  readonly checkedBy: (who: string) => string;
  readonly subjectAdult: string;
  readonly yourData: string;
  readonly name: string;
  readonly birthDate: string;
  readonly noPersonHeld: string;
  readonly signalsHeading: (n: number) => string;
  readonly noSignals: string;
  readonly signalHeading: (category: string, agency: string, date: string) => string;
  readonly roleSubject: string;
  readonly roleRelated: string;
  readonly source: string;
  readonly what: string;
  readonly severityLabel: string;
  readonly summary: string;
  readonly address: string;
  readonly purposeLabel: string;
  readonly basisLabel: string;
  readonly outcomeLabel: string;
  readonly recipientsLabel: string;
  readonly retentionLabel: string;
  readonly retention: (months: number, until: string) => string;
  /** The retention has passed: the signal is no longer shared and is removed. */
  readonly retentionPassed: string;
  readonly assumption: string;
  readonly sent: (who: string, times: number, first: string, last: string) => string;
  readonly viewed: (who: string, times: number, viewers: number, first: string, last: string) => string;
  readonly showed: (fields: string) => string;
  readonly nothingOfYou: string;
  readonly notShown: string;
  readonly relatedNoCopy: string;
  readonly withheldHeading: string;
  readonly withheld: Readonly<Record<Withheld['reason'], (n: number) => string>>;
  readonly rightsHeading: string;
  readonly rights: readonly string[];
  readonly complaint: string;
  readonly sendTo: (contact: string) => string;
  readonly humanJudgement: string;
  readonly categories: Readonly<Record<string, string>>;
  readonly severities: Readonly<Record<string, string>>;
  readonly purposes: Readonly<Record<string, string>>;
  readonly outcomes: Readonly<Record<string, string>>;
  readonly rules: Readonly<Record<string, string>>;
  readonly unknownRule: string;
  /** A legal citation as the policy words it, with its few English or Dutch words in the page's language. */
  readonly citation: (c: string) => string;
  readonly fields: Readonly<Record<string, string>>;
  readonly list: (items: readonly string[]) => string;
}

/** "a, b and c": joined as a sentence reads, with the language's "and". */
export const listWith =
  (and: string) =>
  (items: readonly string[]): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

/** Replaces each phrase of `words` in a citation, longest first. */
export const citationWith =
  (words: Readonly<Record<string, string>>) =>
  (c: string): string =>
    Object.keys(words)
      .sort((a, b) => b.length - a.length)
      .reduce((out, k) => out.split(k).join(words[k]!), c);

/** The Autoriteit Persoonsgegevens' address: the same in both languages. */
export const AP_URL = 'https://autoriteitpersoonsgegevens.nl';
