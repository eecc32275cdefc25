import { decide } from '@samenhang/decision';
import { loadDefaultPolicy } from '@samenhang/policy';
import { pictureDecision, type PictureEntry } from '@samenhang/family';

export const policy = loadDefaultPolicy();
export const NOW = Date.parse('2026-11-22T12:00:00Z');

/** A picture entry observed a day before NOW, decided for Foodvalley's RVT under the default policy. */
export function entry(
  signalId: string,
  agencyId: string,
  kind: string,
  over: Partial<PictureEntry> = {},
): PictureEntry {
  const facts = {
    signalId,
    agencyId,
    agencyKind: kind,
    region: 'foodvalley',
    subjectPseudonym: 'p_m',
    relatedPseudonyms: [],
    householdKey: 'h_1',
    category: 'HOUSING_NUISANCE',
    severity: 'MEDIUM',
    legalGround: 'STATUTORY_TASK',
    meldcodeDecision: false,
    observedAt: NOW - 86_400_000,
  };
  const decision = pictureDecision(
    decide(
      {
        signal: facts,
        consents: [],
        recipient: { id: 'rvt-foodvalley', region: 'foodvalley' },
        purpose: 'SAFETY_ASSESSMENT',
        now: NOW,
      },
      policy,
    ),
  );
  return { key: `${agencyId}.${signalId}`, ...facts, related: [], decision, ...over };
}
