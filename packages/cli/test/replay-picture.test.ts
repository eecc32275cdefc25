import { describe, expect, it } from 'vitest';
import { decide, emptyTally, type SignalFacts } from '@samenhang/decision';
import { loadDefaultPolicy, parsePolicy } from '@samenhang/policy';
import { emptyPicture, type Picture, type PictureEntry, pictureDecision, systemIdOf } from '@samenhang/family';
import { replayPicture, type ReplayFindings } from '../src/replay/picture.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
const policy = loadDefaultPolicy();
const recipient = { id: 'rvt-foodvalley', region: 'foodvalley' };
const recipientOf = () => recipient;

/** A picture entry as the consent service stores it, decided under the default policy. */
function entry(over: Partial<SignalFacts> & { signalId: string; expiresAt?: number }): PictureEntry {
  const f: SignalFacts = {
    agencyId: 'politie-oost-nederland',
    agencyKind: 'POLICE',
    region: 'foodvalley',
    subjectPseudonym: 'p_m',
    relatedPseudonyms: [],
    householdKey: 'h_1',
    category: 'DOMESTIC_VIOLENCE',
    severity: 'ACUTE',
    legalGround: 'STATUTORY_TASK',
    meldcodeDecision: false,
    observedAt: NOW - DAY,
    ...over,
  };
  const d = decide({ signal: f, consents: [], recipient, purpose: 'SAFETY_ASSESSMENT', now: NOW }, policy);
  const { relatedPseudonyms: _, ...rest } = f;
  return { key: `${f.agencyId}.${f.signalId}`, ...rest, related: [], decision: pictureDecision(d) };
}

/** The one family system of these entries: its founder is p_m. */
const SYSTEM = systemIdOf('p_m');
const picture = (alerts: Picture['systems'][string]['alerts']): Picture => ({
  ...emptyPicture('sys_1'),
  persons: ['p_m'],
  entries: {
    a: entry({ signalId: 'police' }),
    b: entry({
      signalId: 'ggz',
      agencyId: 'ggz-centraal',
      agencyKind: 'MENTAL_HEALTH',
      category: 'PSYCHIATRIC_CRISIS',
      severity: 'HIGH',
    }),
    c: entry({ signalId: 'gone', expiresAt: NOW - DAY }), // expired before the replay's moment
  },
  systems: Object.keys(alerts).length > 0 ? { [SYSTEM]: { persons: ['p_m'], mergedFrom: [], alerts } } : {},
});
const findings = (): ReplayFindings => ({ tally: emptyTally(), changes: [], alertChanges: [], pictures: 0 });

describe('replayPicture', () => {
  it('re-decides the unexpired entries; under the policy that decided them nothing changes', () => {
    const found = findings();
    replayPicture(
      picture({ foodvalley: { version: 1, contentSha256: 'x', published: 1 } }),
      { policy, asOf: NOW, consents: new Map() },
      recipientOf,
      found,
    );
    expect(found).toEqual({
      tally: { evaluated: 2, changed: 0, byChange: {} },
      changes: [],
      alertChanges: [],
      pictures: 1,
    });
  });

  it('says which decisions would change, by rule, and an alert that would start', () => {
    const raw = JSON.parse(JSON.stringify(policy)) as {
      policyVersion: string;
      rules: { id: string }[];
      precedence: string[];
    };
    const withoutR5 = parsePolicy(
      JSON.stringify({
        ...raw,
        policyVersion: `${raw.policyVersion}-what-if`,
        rules: raw.rules.filter((r) => r.id !== 'R5'),
        precedence: raw.precedence.filter((id) => id !== 'R5'),
        digest: undefined,
      }),
    );
    const found = findings();
    replayPicture(picture({}), { policy: withoutR5, asOf: NOW, consents: new Map() }, recipientOf, found);
    expect(found.tally.evaluated).toBe(2);
    expect(found.tally).toMatchObject({ changed: 1, byChange: { 'R5 INDEX → R2 INDEX (+category)': 1 } });
    expect(found.changes.map((c) => c.signalId)).toEqual(['ggz']);
    // No alert was ever sent for this system, and an ACUTE police signal is shown: one would start.
    expect(found.alertChanges).toEqual([{ systemId: SYSTEM, region: 'foodvalley', change: 'would start' }]);
  });

  it('skips a picture merged into another (its entries are counted there)', () => {
    const found = findings();
    replayPicture(
      { ...picture({}), mergedInto: 'sys_2' },
      { policy, asOf: NOW, consents: new Map() },
      recipientOf,
      found,
    );
    expect(found).toEqual(findings());
  });
});
