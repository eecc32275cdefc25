import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '@samenhang/decision';
import {
  citizenReport,
  concerning,
  renderCitizenReport,
  type AuditRecords,
  type DisclosureRecord,
  type HeldData,
  type ReportContext,
} from '@samenhang/audit-log';

/** Only the fields the report reads; the rest of a decision record does not matter here. */
const decision = (
  agency: string,
  signalId: string,
  decisionId: string,
  subject: string,
  related: string[] = [],
): DecisionRecord =>
  ({
    type: 'decision',
    decisionId,
    decidedAt: '2026-11-20T10:00:00.000Z',
    signalId,
    sourceAgency: agency,
    sourceKind: 'LOCAL_TEAM',
    subjectPseudonym: subject,
    relatedPseudonyms: related,
    householdKey: 'h',
    facts: { category: 'DEBT', severity: 'MEDIUM', observedAt: '2026-11-19T10:00:00.000Z' },
    recipient: 'rvt',
    purpose: 'SAFETY_ASSESSMENT',
    outcome: 'DISCLOSE',
    shownAs: 'DISCLOSE',
    decidingRule: 'R9',
    rulesEvaluated: [{ id: 'R9', applies: true, reason: '', citation: 'AVG 6(1)(a)', assumption: false }],
    rulesFired: ['R9'],
    refused: [],
    fields: ['summary'],
    minimisation: null,
    obligations: [],
    policy: null,
    inputsSha256: 'x',
  }) as DecisionRecord;

const disclosure = (
  id: string,
  recipient: string,
  decisionIds: string[],
  signalIds: string[],
  fields: string[][],
  extra: Partial<DisclosureRecord> = {},
): DisclosureRecord => ({
  type: 'disclosure',
  disclosureId: id,
  kind: 'alert',
  time: '2026-11-20T10:00:01.000Z',
  recipient,
  purpose: 'SAFETY_ASSESSMENT',
  decisionIds,
  legalBasis: signalIds.map((signalId) => ({ signalId, rule: 'R9', citation: '', assumption: false })),
  fieldsSent: signalIds.map((signalId, i) => ({ signalId, fields: fields[i]! })),
  contentSha256: 'c',
  sourceSignals: signalIds,
  pseudonyms: [],
  systemId: 's',
  ...extra,
});

const NAMES: Record<string, string> = {
  'lokaalteam-ede': 'Lokaal team Ede',
  'lokaalteam-almere': 'Lokaal team Almere',
  'politie-oost-nederland': 'Politie Oost-Nederland',
  'rvt-foodvalley': 'Regionaal veiligheidsteam Food Valley',
};
const ctx = (requester: ReportContext['requester'] = { kind: 'self' }): ReportContext => ({
  now: new Date('2026-12-01T12:00:00Z'),
  retention: { defaultMonths: 24, byCategory: { DEBT: 12 } },
  nameOf: (id) => NAMES[id] ?? id,
  contact: 'Functionaris gegevensbescherming (Samenhang)',
  requester,
});
const held = (content: HeldData['content'] = new Map()): HeldData => ({
  person: { name: 'M. Visser', birthDate: '1991-05-14' },
  content,
});
const nothingHeld: HeldData = { content: new Map() };

/** Strips the markup: what a person reads. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');

describe('the access report', () => {
  it('tells apart two agencies that used the same signal id', () => {
    // Ede's x-1 is about the requester and went to Food Valley; Almere's x-1 is about someone else and went to Flevoland.
    const records: AuditRecords = {
      decisions: [
        decision('lokaalteam-ede', 'x-1', 'dec_ede', 'p_me'),
        decision('lokaalteam-almere', 'x-1', 'dec_almere', 'p_other'),
      ],
      disclosures: [
        disclosure('dis_fv', 'rvt-foodvalley', ['dec_ede'], ['x-1'], [['summary']]),
        disclosure('dis_fl', 'rvt-flevoland', ['dec_almere'], ['x-1'], [['summary', 'address']]),
      ],
      assignments: [],
      erasures: [],
    };
    const report = citizenReport(records, 'p_me', nothingHeld, ctx());
    expect(report.signals.map((s) => [s.agency, s.signalId])).toEqual([['lokaalteam-ede', 'x-1']]);
    expect(report.signals[0]!.recipients.map((r) => [r.recipient, r.fields])).toEqual([
      ['rvt-foodvalley', ['summary']],
    ]);
  });

  it('finds the fields of each signal by its place in the disclosure, and counts the others withheld', () => {
    const records: AuditRecords = {
      decisions: [
        decision('lokaalteam-ede', 'a', 'dec_a', 'p_me'),
        decision('politie-oost-nederland', 'a', 'dec_pa', 'p_other'),
      ],
      disclosures: [
        disclosure('dis_1', 'rvt-foodvalley', ['dec_pa', 'dec_a'], ['a', 'a'], [['summary', 'address'], ['contact']]),
      ],
      assignments: [],
      erasures: [],
    };
    const report = citizenReport(records, 'p_me', nothingHeld, ctx());
    expect(report.signals[0]!.recipients[0]!.fields).toEqual(['contact']);
    expect(report.withheld).toContainEqual({ reason: 'others', count: 1 });
  });

  // One signal about me (Ede, DEBT) sent 3 times and viewed 40 times by two workers; one police
  // signal about someone else that names me, once with the related persons, once with them stripped (R13).
  const many: AuditRecords = {
    decisions: [
      decision('lokaalteam-ede', 'l-1', 'dec_l', 'p_me'),
      decision('politie-oost-nederland', 'p-1', 'dec_p', 'p_son', ['p_me']),
      decision('politie-oost-nederland', 'p-2', 'dec_p2', 'p_son', ['p_me']),
    ],
    disclosures: [
      ...[1, 2, 3].map((i) =>
        disclosure(
          `dis_a${i}`,
          'rvt-foodvalley',
          ['dec_l'],
          ['l-1'],
          [['agency', 'category', 'summary', 'subject.name']],
          {
            time: `2026-11-0${i}T10:00:00.000Z`,
          },
        ),
      ),
      ...Array.from({ length: 40 }, (_, i) =>
        disclosure(`dis_v${i}`, 'rvt-foodvalley', ['dec_l'], ['l-1'], [['agency', 'category', 'summary']], {
          kind: 'view',
          time: `2026-11-${String(10 + (i % 15)).padStart(2, '0')}T10:00:00.000Z`,
          viewer: i % 2 ? 'person:aaa' : 'person:bbb',
          viewOf: 'dis_a3',
        }),
      ),
      disclosure(
        'dis_p',
        'rvt-foodvalley',
        ['dec_p'],
        ['p-1'],
        [['agency', 'summary', 'subject.name', 'relatedPersons']],
      ),
      // R13 stripped the related persons: nothing of me was shown, only the son's data.
      disclosure('dis_p2', 'rvt-foodvalley', ['dec_p2'], ['p-2'], [['agency', 'summary', 'subject.name']]),
    ],
    assignments: [],
    erasures: [],
  };
  const content = new Map([
    [
      'lokaalteam-ede/l-1',
      {
        summary: 'Huurachterstand van vier maanden.',
        address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' },
      },
    ],
  ]);

  it('holds every element of AVG art. 15(1) and a copy of the data (15(3)), in both languages', () => {
    const report = citizenReport(many, 'p_me', held(content), ctx());
    const own = report.signals.find((s) => s.signalId === 'l-1')!;
    expect(own).toMatchObject({
      agencyName: 'Lokaal team Ede',
      purpose: 'SAFETY_ASSESSMENT',
      rule: 'R9',
      citation: 'AVG 6(1)(a)',
      retentionMonths: 12,
      keptUntil: '2027-11-19T10:00:00.000Z',
      summary: 'Huurachterstand van vier maanden.',
      address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' },
    });
    expect(report.person).toEqual({ name: 'M. Visser', birthDate: '1991-05-14' });
    const nl = text(renderCitizenReport(report, 'nl'));
    for (const part of [
      'Lokaal team Ede', // the source, by name
      'Beoordelen of u en uw gezin veilig zijn', // the purpose, in words
      'U heeft toestemming gegeven om dit te delen. (AVG 6(1)(a))', // the legal basis, explained
      'Gestuurd naar Regionaal veiligheidsteam Food Valley: 3 keer', // recipients
      '12 maanden na de melding, dus tot uiterlijk 19 november 2027', // retention
      'AVG artikel 16', // rectification
      'AVG artikel 17', // erasure
      'AVG artikel 21', // objection
      'https://autoriteitpersoonsgegevens.nl', // complaint
      'Stuur uw verzoek naar: Functionaris gegevensbescherming (Samenhang)', // where to send a request
      'M. Visser', // the copy: name, birth date, the signal's content
      '14 mei 1991',
      'Schulden',
      'gemiddeld',
      'Huurachterstand van vier maanden.',
      '6717CD 3B',
    ])
      expect(nl).toContain(part);
    const en = text(renderCitizenReport(report, 'en'));
    for (const part of [
      'Assessing whether you and your family are safe',
      'You gave permission to share this. (AVG 6(1)(a))',
      'Sent to Regionaal veiligheidsteam Food Valley: 3 times',
      '12 months after the signal, so until 19 November 2027',
      'GDPR article 16',
      'GDPR article 17',
      'GDPR article 21',
      'https://autoriteitpersoonsgegevens.nl',
      'Send your request to',
      '14 May 1991',
      'Debts',
    ])
      expect(en).toContain(part);
  });

  it('groups repeated disclosures: 40 views read as one line, not forty', () => {
    const report = citizenReport(many, 'p_me', held(content), ctx());
    const groups = report.signals.find((s) => s.signalId === 'l-1')!.recipients;
    expect(groups.map((g) => [g.how, g.times, g.viewers, g.first.slice(0, 10), g.last.slice(0, 10)])).toEqual([
      ['sent', 3, 0, '2026-11-01', '2026-11-03'],
      ['viewed', 40, 2, '2026-11-10', '2026-11-24'],
    ]);
    const nl = text(renderCitizenReport(report, 'nl'));
    expect(nl).toContain(
      'Bekeken door 2 medewerkers van Regionaal veiligheidsteam Food Valley: 40 keer, van 10 november 2026 tot 24 november 2026.',
    );
    expect(nl.match(/Bekeken door/g)).toHaveLength(1);
  });

  it('for a related person shows only what was shown of them: nothing where R13 stripped it, never the text', () => {
    const report = citizenReport(many, 'p_me', held(content), ctx());
    const named = report.signals.find((s) => s.signalId === 'p-1')!;
    const stripped = report.signals.find((s) => s.signalId === 'p-2')!;
    expect(named.role).toBe('related');
    expect(named.recipients.map((r) => r.fields)).toEqual([['relatedPersons']]);
    expect(stripped.recipients.map((r) => r.fields)).toEqual([[]]);
    expect(named.summary).toBeUndefined();
    const section = (id: string) => {
      const html = renderCitizenReport(report, 'nl');
      return text(
        html.slice(
          html.indexOf(`data-signal="${id}"`),
          html.indexOf('</section>', html.indexOf(`data-signal="${id}"`)),
        ),
      );
    };
    expect(section('p-2')).toContain('Daarbij was niets over u te zien.');
    expect(section('p-2')).not.toMatch(/uw naam|geboortedatum/);
    expect(section('p-1')).toContain('uw naam, geboortedatum en relatie tot de ander');
    // One disclosure on one day: said as such, not "from A to A".
    expect(section('p-1')).toContain(
      'Gestuurd naar Regionaal veiligheidsteam Food Valley: één keer, op 20 november 2026.',
    );
    expect(section('p-1')).not.toContain('Wat er staat'); // the son's summary is not the father's to read
  });

  it('the Dutch page has no English sentence, the English page no Dutch one', () => {
    const report = citizenReport(many, 'p_me', nothingHeld, ctx({ kind: 'parent', pseudonym: 'p_dad' }));
    // Names, citations and the address are the same in both; everything else is in the page's language.
    const words = (lang: 'nl' | 'en') =>
      text(renderCitizenReport(report, lang))
        .replace(/\([^)]*\)/g, '')
        .replace(
          /Regionaal veiligheidsteam Food Valley|Lokaal team Ede|Politie Oost-Nederland|Functionaris gegevensbescherming|Autoriteit Persoonsgegevens/g,
          '',
        )
        .toLowerCase()
        .split(/[^a-zà-ÿ]+/);
    const nl = new Set(words('nl'));
    const en = new Set(words('en'));
    for (const english of [
      'the',
      'you',
      'your',
      'signal',
      'shown',
      'sent',
      'shared',
      'months',
      'who',
      'and',
      'about',
      'not',
    ])
      expect(nl.has(english), english).toBe(false);
    for (const dutch of [
      'de',
      'het',
      'een',
      'u',
      'uw',
      'melding',
      'gedeeld',
      'gestuurd',
      'maanden',
      'wie',
      'van',
      'en',
      'niet',
    ])
      expect(en.has(dutch), dutch).toBe(false);
  });

  it('asked by a parent named in a signal about the child: that signal is withheld, and the report is to be checked', () => {
    const records: AuditRecords = {
      decisions: [
        decision('politie-oost-nederland', 'p-9', 'dec_9', 'p_child', ['p_dad']),
        decision('lokaalteam-ede', 'l-9', 'dec_l9', 'p_child'),
      ],
      disclosures: [],
      assignments: [],
      erasures: [],
    };
    const child: HeldData = { person: { name: 'K. Visser', birthDate: '2015-03-01' }, content: new Map() };
    const report = citizenReport(records, 'p_child', child, ctx({ kind: 'parent', pseudonym: 'p_dad' }));
    expect(report.signals.map((s) => s.signalId)).toEqual(['l-9']);
    expect(report.withheld).toContainEqual({ reason: 'requester-involved', count: 1 });
    expect(report.requester).toEqual({ kind: 'parent', needsCheck: true });
    const nl = text(renderCitizenReport(report, 'nl'));
    expect(nl).toContain('de functionaris gegevensbescherming moet dit overzicht controleren');
    expect(nl).toContain('UAVG artikel 41, Jeugdwet artikel 7.3.11');
    // A child of 16 or older: whether the parent receives it is the officer's call, and the report says so.
    const older = citizenReport(
      records,
      'p_child',
      { ...child, person: { name: 'K.', birthDate: '2009-01-01' } },
      ctx({ kind: 'parent', pseudonym: 'p_dad' }),
    );
    expect(older.requester.subjectAdult).toBe(true);
    // The person themselves: nothing withheld for a requester, nothing to check.
    const self = citizenReport(records, 'p_child', child, ctx());
    expect(self.signals).toHaveLength(2);
    expect(self.requester.needsCheck).toBe(false);
  });

  it('gives a protected address to the person only, never to a parent who asks', () => {
    const shelter = { ...decision('politie-oost-nederland', 'p-7', 'dec_7', 'p_child') };
    const protectedSignal: DecisionRecord = { ...shelter, facts: { ...shelter.facts, confidentialAddress: true } };
    const records: AuditRecords = { decisions: [protectedSignal], disclosures: [], assignments: [], erasures: [] };
    const address = { postcode: '7511JK', houseNumber: 40, houseNumberSuffix: '' };
    const content = new Map([['politie-oost-nederland/p-7', { summary: 'S', address }]]) as HeldData['content'];
    const self = citizenReport(records, 'p_child', held(content), ctx());
    expect(self.signals[0]!.address).toEqual(address);
    // A parent not named in the signal still does not learn where the child is kept safe.
    const parent = citizenReport(records, 'p_child', held(content), ctx({ kind: 'parent', pseudonym: 'p_mum' }));
    expect(parent.signals[0]!.address).toBeUndefined();
    expect(parent.withheld).toContainEqual({ reason: 'protected-address', count: 1 });
    const page = text(renderCitizenReport(parent, 'nl'));
    expect(page).not.toContain('7511');
    expect(page).toContain('Een adres dat is afgeschermd');
  });

  it('finds console views of a signal as disclosures that concern the person (they name no pseudonyms)', () => {
    const c = concerning(many, 'p_me');
    expect(c.disclosures.filter((d) => d.kind === 'view')).toHaveLength(40);
    expect(c.disclosures.every((d) => d.pseudonyms.length === 0)).toBe(true);
  });
});
