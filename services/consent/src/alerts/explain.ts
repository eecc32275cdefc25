import { HUMAN_RULES, WITHDRAWN } from '@samenhang/decision';
import type { PictureEntry } from '@samenhang/family';
import type { Policy } from '@samenhang/policy';

export type ExplainLang = 'nl' | 'en';

const SHOWN: Record<ExplainLang, Record<'DISCLOSE' | 'INDEX' | 'HOLD' | 'DENY', string>> = {
  nl: {
    DISCLOSE: 'Gedeeld',
    INDEX: 'Alleen vermeld',
    HOLD: 'Aangehouden voor een besluit van een mens, intussen alleen vermeld',
    DENY: 'Niet getoond',
  },
  en: {
    DISCLOSE: 'Disclosed',
    INDEX: 'Index only',
    HOLD: 'Held for a person to decide, index only meanwhile',
    DENY: 'Not shown',
  },
};

/** The engine's own rules, which no policy file words: a person's decision, a withdrawal. */
const ENGINE: Record<string, Record<ExplainLang, string>> = {
  [HUMAN_RULES.REVIEW_UPHELD.id]: {
    nl: 'Een medewerker heeft beoordeeld dat delen terecht was.',
    en: 'A professional reviewed the disclosure and upheld it.',
  },
  [HUMAN_RULES.REVIEW_WITHDRAW.id]: {
    nl: 'Bij de beoordeling bleek delen niet nodig; het signaal wordt alleen vermeld.',
    en: 'On review the disclosure was not necessary; the signal is only indexed.',
  },
  [HUMAN_RULES.HOLD_RELEASE.id]: {
    nl: 'Een mens heeft het bezwaar of de ingetrokken toestemming afgewogen; getoond wordt wat de regels zonder aanhouding toestaan.',
    en: 'A person weighed the objection or withdrawn consent; shown is what the rules allow without the hold.',
  },
  [HUMAN_RULES.HOLD_DENY.id]: {
    nl: 'Een mens heeft het bezwaar of de ingetrokken toestemming afgewogen; er wordt niets getoond.',
    en: 'A person weighed the objection or withdrawn consent; nothing is shown.',
  },
  [WITHDRAWN.id]: {
    nl: 'De instantie heeft dit signaal ingetrokken.',
    en: 'The agency withdrew this signal.',
  },
};

/**
 * Why an entry is shown as it is, in a sentence of the page's language: how it is shown and
 * the reason of the rule that decided — not the first rule that did not apply. The rule's
 * words come from the policy (`explanation`), the engine's own rules' from here.
 */
export function explanation(e: PictureEntry, policy: Policy, lang: ExplainLang): string {
  const d = e.decision;
  const rule = policy.rules.find((r) => r.id === d.decidingRule);
  const why = ENGINE[d.decidingRule]?.[lang] ?? rule?.explanation?.[lang] ?? rule?.title ?? d.decidingRule;
  return `${SHOWN[lang][d.outcome]}. ${why}`;
}
