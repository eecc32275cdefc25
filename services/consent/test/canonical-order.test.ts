import { describe, expect, it } from 'vitest';
import { canonicalJson, inCanonicalOrder } from '@samenhang/canonical';
import { decide } from '@samenhang/decision';
import { loadDefaultPolicy } from '@samenhang/policy';
import { toTimestamp, v1 } from '@samenhang/proto';
import type { Vault } from '@samenhang/vault';
import { buildAlert } from '../src/alerts/build.js';
import { factsOf } from '../src/deciding/facts.js';
import { pictureDecision, type PictureEntry } from '@samenhang/family';

// Records written for every signal are built with their keys in canonical order, so their
// canonical JSON is one JSON.stringify (docs/history/performance-rounds.md). Out of order they
// are still written correctly, only slower: this is what would notice.
const policy = loadDefaultPolicy();
const NOW = Date.parse('2026-11-22T12:00:00Z');

const signal = v1.VerifiedSignal.create({
  signalId: 's1',
  agencyId: 'politie-oost-nederland',
  agencyKind: 'POLICE',
  region: 'foodvalley',
  subjectPseudonym: 'p_m',
  relatedPersons: [{ pseudonym: 'p_f', relation: 1 }],
  householdKey: 'h_1',
  category: 3,
  severity: 4,
  legalGround: 1,
  meldcodeDecision: true,
  observedAt: toTimestamp(NOW - 3_600_000),
  expiresAt: toTimestamp(NOW + 86_400_000),
  vaultRef: 'politie-oost-nederland.s1',
});

describe('records written for every signal are in canonical key order', () => {
  const facts = factsOf(signal);
  const input = {
    consents: [],
    now: NOW,
    purpose: 'SAFETY_ASSESSMENT',
    recipient: { id: 'rvt-foodvalley', region: 'foodvalley' },
    signal: facts,
  };
  const decision = decide(input, policy);

  it('the facts and the decision input (hashed into the decision id)', () => {
    expect(inCanonicalOrder(facts)).toBe(true);
    expect(inCanonicalOrder(input)).toBe(true);
  });

  it('the decision record', () => {
    expect(decision.outcome).not.toBe('DENY');
    expect(inCanonicalOrder(decision)).toBe(true);
  });

  it('the disclosure record of an alert, whose JSON is still canonical', async () => {
    const entry: PictureEntry = {
      key: signal.vaultRef,
      signalId: facts.signalId,
      agencyId: facts.agencyId,
      agencyKind: facts.agencyKind,
      region: facts.region,
      subjectPseudonym: facts.subjectPseudonym,
      related: [{ pseudonym: 'p_f', relation: 1 }],
      householdKey: facts.householdKey,
      category: facts.category,
      severity: facts.severity,
      legalGround: facts.legalGround,
      meldcodeDecision: facts.meldcodeDecision,
      observedAt: facts.observedAt,
      decision: pictureDecision(decision),
    };
    // Content and person records are not what this checks: none is stored.
    const none = async () => Promise.reject(new Error('nothing stored'));
    const vault = { getSignalContent: none, getPerson: none } as unknown as Vault;
    const picture = { id: 'sys_1', entries: [entry], persons: ['p_m', 'p_f'], mergedFrom: [] };
    const { disclosure } = await buildAlert(
      picture,
      {
        region: 'foodvalley',
        recipient: 'rvt-foodvalley',
        version: 1,
        now: NOW,
        kind: 'alert',
        purpose: 'SAFETY_ASSESSMENT',
      },
      policy,
      vault,
    );
    expect(disclosure.decisionIds).toEqual([decision.decisionId]);
    expect(inCanonicalOrder(disclosure)).toBe(true);
    expect(JSON.stringify(disclosure)).toBe(canonicalJson(disclosure));
  });
});
