import type { ConsentFact, DecisionInput, SignalFacts } from '@samenhang/decision';

export const NOW = Date.parse('2026-11-22T12:00:00Z');
export const DAY = 86_400_000;

export function facts(over: Partial<SignalFacts> = {}): SignalFacts {
  return {
    signalId: 's-1',
    agencyId: 'lokaalteam-ede',
    agencyKind: 'LOCAL_TEAM',
    region: 'foodvalley',
    subjectPseudonym: 'p_m',
    relatedPseudonyms: [],
    householdKey: 'h_1',
    category: 'DEBT',
    severity: 'MEDIUM',
    legalGround: 'STATUTORY_TASK',
    meldcodeDecision: false,
    observedAt: NOW - 10 * DAY,
    ...over,
  };
}

export function input(over: Partial<SignalFacts> = {}, consents: ConsentFact[] = [], now = NOW): DecisionInput {
  return {
    signal: facts(over),
    consents,
    recipient: { id: 'rvt-foodvalley', region: 'foodvalley' },
    purpose: 'SAFETY_ASSESSMENT',
    now,
  };
}

export function consent(status: ConsentFact['status'], scope: string[], daysAgo = 20, id = `c-${status}`): ConsentFact {
  return {
    consentId: id,
    registeredBy: scope[0]!,
    purpose: 'SAFETY_ASSESSMENT',
    scope,
    status,
    recordedAt: NOW - daysAgo * DAY,
  };
}
