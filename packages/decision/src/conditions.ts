import { SEVERITIES, type Condition, type ConsentState, type SeverityName } from '@samenhang/policy';
import type { SignalFacts } from './facts.js';

export interface ConditionContext {
  readonly signal: SignalFacts;
  readonly sourceIsRecipient: boolean;
  readonly consent: ConsentState | undefined;
  /** The id of the consent record `consent` comes from. */
  readonly consentId: string | undefined;
  readonly expired: boolean;
}

export const severityRank = (s: string): number => SEVERITIES.indexOf(s as SeverityName);

/**
 * Evaluates one condition (all clauses must hold). Returns the first clause that
 * fails, phrased for the decision record, or a summary of why it holds.
 */
export function evaluate(c: Condition, x: ConditionContext): { holds: boolean; reason: string } {
  const s = x.signal;
  const fail = (reason: string) => ({ holds: false, reason });
  if (c.expired !== undefined && c.expired !== x.expired)
    return fail(x.expired ? 'the signal is past its retention' : 'the signal is within its retention');
  if (c.agencyKinds && !c.agencyKinds.includes(s.agencyKind))
    return fail(`source kind ${s.agencyKind} is not ${c.agencyKinds.join(' or ')}`);
  if (c.sourceIsRecipient !== undefined && c.sourceIsRecipient !== x.sourceIsRecipient) {
    return fail(x.sourceIsRecipient ? 'the source is the recipient RVT' : 'the source is not the RVT of this region');
  }
  if (c.categories && !c.categories.includes(s.category))
    return fail(`category ${s.category} is not ${c.categories.join(', ')}`);
  if (c.severities && !c.severities.includes(s.severity as SeverityName))
    return fail(`severity ${s.severity} is not ${c.severities.join(' or ')}`);
  if (c.severityAtLeast && severityRank(s.severity) < severityRank(c.severityAtLeast))
    return fail(`severity ${s.severity} is below ${c.severityAtLeast}`);
  if (c.meldcodeDecision !== undefined && c.meldcodeDecision !== s.meldcodeDecision) {
    return fail(s.meldcodeDecision ? 'a Meldcode report was made' : 'no Meldcode report was made');
  }
  if (c.consent && (x.consent === undefined || !c.consent.includes(x.consent))) {
    return fail(
      x.consent ? `the subject's consent status is ${x.consent}` : 'no consent is recorded for this agency and purpose',
    );
  }
  const holding = [
    c.expired ? 'past retention' : '',
    c.agencyKinds ? `source kind ${s.agencyKind}` : '',
    c.sourceIsRecipient ? 'source is the RVT of this region' : '',
    c.categories ? `category ${s.category}` : '',
    c.severities || c.severityAtLeast ? `severity ${s.severity}` : '',
    c.meldcodeDecision ? 'Meldcode report made' : '',
    c.consent ? `consent status ${x.consent}` : '',
  ].filter(Boolean);
  return { holds: true, reason: holding.length ? holding.join('; ') : 'applies to every participating agency' };
}
