import { describe, expect, it } from 'vitest';
import { decide } from '@samenhang/decision';
import { loadDefaultPolicy } from '@samenhang/policy';
import { toTimestamp, v1 } from '@samenhang/proto';
import type { Vault } from '@samenhang/vault';
import { buildAlert } from '../src/alerts/build.js';
import { factsOf } from '../src/deciding/facts.js';
import { pictureDecision, type PictureDecision, type PictureEntry } from '@samenhang/family';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const signal = v1.VerifiedSignal.create({
  signalId: 's1',
  agencyId: 'politie-oost-nederland',
  agencyKind: 'POLICE',
  region: 'foodvalley',
  subjectPseudonym: 'p_m',
  relatedPersons: [],
  householdKey: 'h_1',
  category: 3,
  severity: 4,
  legalGround: 1,
  meldcodeDecision: true,
  observedAt: toTimestamp(NOW - 3_600_000),
  expiresAt: toTimestamp(NOW + 86_400_000),
  vaultRef: 'politie-oost-nederland.s1',
});

/** The vault is read for what a decision lets a picture show, and nothing more; a notice reads nothing. */
describe('buildAlert reads from the vault only what may be disclosed', () => {
  const facts = factsOf(signal);
  const decided = pictureDecision(
    decide(
      {
        consents: [],
        now: NOW,
        purpose: 'SAFETY_ASSESSMENT',
        recipient: { id: 'rvt-foodvalley', region: 'foodvalley' },
        signal: facts,
      },
      loadDefaultPolicy(),
    ),
  );
  const alertOf = async (
    decision: PictureDecision,
    more: readonly Partial<PictureEntry>[] = [],
    kind: 'alert' | 'picture' = 'picture',
  ) => {
    const reads: string[] = [];
    const vault = {
      getSignalContent: async (ref: string) => (
        reads.push(`content ${ref}`),
        {
          summary: 'S',
          contact: { name: 'C', phone: 'P', email: '' },
          address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: '' },
        }
      ),
      getPerson: async (p: string) => (
        reads.push(`person ${p}`), { bsn: '999990007', name: 'N', birthDate: '1991-05-14' }
      ),
    } as unknown as Vault;
    const entry: PictureEntry = {
      key: signal.vaultRef,
      signalId: facts.signalId,
      agencyId: facts.agencyId,
      agencyKind: facts.agencyKind,
      region: facts.region,
      subjectPseudonym: facts.subjectPseudonym,
      related: [],
      householdKey: facts.householdKey,
      category: facts.category,
      severity: facts.severity,
      legalGround: facts.legalGround,
      meldcodeDecision: facts.meldcodeDecision,
      observedAt: facts.observedAt,
      decision,
    };
    const picture = {
      id: 'sys_1',
      entries: [entry, ...more.map((m) => ({ ...entry, ...m }))],
      persons: ['p_m'],
      mergedFrom: [],
    };
    const { notice: alert } = await buildAlert(
      picture,
      {
        region: 'foodvalley',
        recipient: 'rvt-foodvalley',
        version: 1,
        now: NOW,
        kind,
        purpose: 'SAFETY_ASSESSMENT',
      },
      loadDefaultPolicy(),
      vault,
    );
    return { reads, entry: alert.entries[0]!, entries: alert.entries };
  };

  it("a disclosed entry: its content and its subject's name", async () => {
    expect(decided.shownAs).toBe('DISCLOSE');
    const { reads, entry } = await alertOf(decided);
    expect(reads.sort()).toEqual(['content politie-oost-nederland.s1', 'person p_m']);
    expect(entry.summary).toBe('S');
  });

  it('explains each entry in Dutch and English by the reason of the rule that decided', async () => {
    const { entry } = await alertOf(decided, [], 'alert');
    expect(decided.decidingRule).toBe('R6');
    expect(entry.explanationNl).toMatch(/^Gedeeld\. Er is acuut gevaar\./);
    expect(entry.explanation).toMatch(/^Disclosed\. There is acute danger\./);
    // A hold says it is held, and why: the objection, not the first rule that did not apply.
    const held = await alertOf({ ...decided, outcome: 'HOLD', shownAs: 'INDEX', decidingRule: 'R15' }, [], 'alert');
    expect(held.entry.explanationNl).toMatch(/^Aangehouden .*bezwaar gemaakt/);
    expect(held.entry.explanation).not.toMatch(/not disclosed because/);
    // A person's decision, which no policy words, is explained too.
    const upheld = await alertOf({ ...decided, decidingRule: 'HUMAN-UPHELD' }, [], 'alert');
    expect(upheld.entry.explanationNl).toBe('Gedeeld. Een medewerker heeft beoordeeld dat delen terecht was.');
  });

  it('an alert notice: no vault read, and no content even for a disclosed entry', async () => {
    const { reads, entry } = await alertOf(decided, [], 'alert');
    expect(reads).toEqual([]);
    for (const content of [entry.summary, entry.subject, entry.address, entry.contact, entry.relatedPersons?.[0]])
      expect(content).toBeFalsy();
    expect([entry.signalId, entry.shownAs, entry.decidingRule]).toEqual(['s1', 'DISCLOSE', decided.decidingRule]);
  });

  it('an index entry whose fields hold no free text: no read at all', async () => {
    const { reads, entry } = await alertOf({
      ...decided,
      outcome: 'INDEX',
      shownAs: 'INDEX',
      fields: ['agency', 'category', 'observedAt'],
    });
    expect(reads).toEqual([]);
    expect(entry.contact).toBeFalsy();
  });

  it('an index entry showing its contact: the content, and still no name', async () => {
    const { reads, entry } = await alertOf({
      ...decided,
      outcome: 'INDEX',
      shownAs: 'INDEX',
      fields: ['agency', 'category', 'observedAt', 'contact'],
    });
    expect(reads).toEqual(['content politie-oost-nederland.s1']);
    expect(entry.contact?.name).toBe('C');
    expect(entry.summary).toBeFalsy();
  });

  it('a person named in several entries: read once per alert, shown in each', async () => {
    const related = [
      { pseudonym: 'p_w', relation: 1 },
      { pseudonym: 'p_k', relation: 2 },
    ];
    const fields = [...decided.fields, 'relatedPersons' as const];
    const { reads, entries } = await alertOf({ ...decided, fields }, [
      { key: 'politie-oost-nederland.s2', signalId: 's2', related },
      {
        key: 'politie-oost-nederland.s3',
        signalId: 's3',
        subjectPseudonym: 'p_w',
        related: [{ pseudonym: 'p_m', relation: 1 }, related[1]!],
      },
    ]);
    expect(reads.filter((r) => r.startsWith('person')).sort()).toEqual(['person p_k', 'person p_m', 'person p_w']);
    expect(reads.filter((r) => r.startsWith('content'))).toHaveLength(3);
    expect(entries.map((e) => [e.subject?.name, e.relatedPersons?.length ?? 0])).toEqual([
      ['N', 0],
      ['N', 2],
      ['N', 2],
    ]);
  });
});
