import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inCanonicalOrder } from '@samenhang/canonical';
import { alertDue, decide, type ConsentFact, type DecisionRecord } from '@samenhang/decision';
import { loadDefaultPolicy } from '@samenhang/policy';
import { DAY, NOW } from './helpers.js';

const policy = loadDefaultPolicy();
const KINDS: Record<string, string> = {
  'politie-oost-nederland': 'POLICE',
  'ggz-centraal': 'MENTAL_HEALTH',
  'lokaalteam-ede': 'LOCAL_TEAM',
  'lokaalteam-almere': 'LOCAL_TEAM',
  'rvt-foodvalley': 'RVT',
  'rvt-twente': 'RVT',
  'reclassering-nederland': 'JUSTICE',
};

interface Step {
  type: 'signal' | 'consent';
  agency: string;
  daysAgo: number;
  signal?: any;
  consent?: any;
}
interface Scenario {
  steps: Step[];
  expect: { decisions: { signalId: string; outcome: string; rule: string; obligation?: string }[]; alerts: any };
}
const load = (name: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../fixtures/scenarios', `${name}.json`), 'utf8'),
  ) as Scenario;

/** Replays a scenario through the pure engine in step order, as the consent service will. */
function replay(s: Scenario) {
  const consents: ConsentFact[] = [];
  const decisions: DecisionRecord[] = [];
  const alertPoints: string[] = [];
  for (const step of s.steps) {
    const at = NOW - step.daysAgo * DAY;
    if (step.type === 'consent') {
      consents.push({
        consentId: step.consent.consentId,
        registeredBy: step.agency,
        purpose: step.consent.purpose,
        scope: step.consent.scope,
        status: step.consent.status,
        recordedAt: at,
      });
      continue;
    }
    const sig = step.signal;
    decisions.push(
      decide(
        {
          signal: {
            signalId: sig.signalId,
            agencyId: sig.agencyId,
            agencyKind: KINDS[sig.agencyId]!,
            region: sig.region,
            subjectPseudonym: `p_${sig.subject.bsn}`,
            relatedPseudonyms: (sig.relatedPersons ?? []).map((r: any) => `p_${r.person.bsn}`),
            householdKey: 'h',
            category: sig.category,
            severity: sig.severity,
            legalGround: sig.legalGround,
            meldcodeDecision: sig.meldcodeDecision,
            observedAt: at,
          },
          consents: [...consents],
          recipient: { id: `rvt-${sig.region}`, region: sig.region },
          purpose: 'SAFETY_ASSESSMENT',
          now: NOW,
        },
        policy,
      ),
    );
    const entries = decisions
      .filter((d) => d.outcome !== 'DENY')
      .map((d) => {
        const st = s.steps.find((x) => x.signal?.signalId === d.signalId)!;
        return {
          signalId: d.signalId,
          agencyId: d.sourceAgency,
          severity: st.signal.severity,
          observedAt: NOW - st.daysAgo * DAY,
        };
      });
    if (alertDue(entries, policy, NOW).due) alertPoints.push(sig.signalId);
  }
  return { decisions, alertPoints };
}

describe.each(['meneer-m', 'single-low-signal', 'acute'])('reference scenario %s through the engine', (name) => {
  const scenario = load(name);
  const { decisions, alertPoints } = replay(scenario);
  it('builds every record with its keys in canonical order (written with one JSON.stringify)', () => {
    for (const d of decisions) expect(inCanonicalOrder(d), d.signalId).toBe(true);
    const signal = {
      signalId: 's',
      agencyId: 'ggz-centraal',
      agencyKind: 'MENTAL_HEALTH',
      region: 'foodvalley',
      subjectPseudonym: 'p',
      relatedPseudonyms: [],
      householdKey: 'h',
      category: 'X',
      severity: 'LOW',
      legalGround: 'Y',
      meldcodeDecision: false,
      observedAt: NOW,
    };
    const denied = decide(
      {
        signal,
        consents: [],
        recipient: { id: 'rvt-foodvalley', region: 'foodvalley' },
        purpose: 'SAFETY_ASSESSMENT',
        now: NOW,
      },
      undefined,
    );
    expect(denied.outcome).toBe('DENY');
    expect(inCanonicalOrder(denied)).toBe(true);
  });

  it('gives exactly the expected decisions', () => {
    expect(decisions.map((d) => ({ signalId: d.signalId, outcome: d.outcome, rule: d.decidingRule }))).toEqual(
      scenario.expect.decisions.map(({ signalId, outcome, rule }) => ({ signalId, outcome, rule })),
    );
    for (const e of scenario.expect.decisions.filter((x) => x.obligation)) {
      expect(decisions.find((d) => d.signalId === e.signalId)!.obligations.map((o) => o.type)).toContain(e.obligation);
    }
  });
  it('alerts exactly when the expectation says', () => {
    const a = scenario.expect.alerts;
    if (a.count === 0) expect(alertPoints).toEqual([]);
    if (a.firstWith) expect(alertPoints[0]).toBe(a.firstWith.at(-1));
    if (a.noneBefore)
      expect(alertPoints).not.toContain(scenario.steps.find((s) => s.type === 'signal')!.signal.signalId);
    if (a.count === 1) expect(alertPoints.length).toBeGreaterThan(0);
  });
});
