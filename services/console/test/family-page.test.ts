import { describe, expect, it } from 'vitest';
import { alertDue } from '@samenhang/decision';
import { v1 } from '@samenhang/proto';
import { familyGraph, familyOf } from '../src/web/family-graph.js';
import { translator } from '../src/web/i18n.js';
import { alertReasonWords } from '../src/web/labels.js';
import { alertCard, emptyWords, familyBody, familyName } from '../src/web/rvt-pages.js';

const nl = translator('nl');
const R = v1.Relation;
const person = (name: string, birthDate: string) => ({ name, birthDate });

/** M (subject) with his parents, and his partner's own signal naming M as her partner. */
const alert = v1.HouseholdAlert.create({
  alertId: 'alr_1',
  systemId: 'sys_1',
  region: 'foodvalley',
  version: 3,
  persons: 5,
  reason: 'signals from 3 agencies within 90 days',
  entries: (
    [
      {
        signalId: 'p-1',
        agencyId: 'politie-oost-nederland',
        agencyKind: 'POLICE',
        category: v1.Category.CATEGORY_DOMESTIC_VIOLENCE,
        severity: v1.Severity.SEVERITY_HIGH,
        shownAs: 'DISCLOSE',
        outcome: 'DISCLOSE',
        observedAt: { seconds: Date.parse('2026-11-02T10:00:00Z') / 1000, nanos: 0 },
        subject: person('M. Visser', '1991-05-14'),
        address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' },
        relatedPersons: [
          { ...person('J. Visser', '1960-02-03'), relation: R.RELATION_PARENT },
          { ...person('A. Visser', '1962-07-01'), relation: R.RELATION_PARENT },
          { ...person('S. de Wit', '1993-03-03'), relation: R.RELATION_PARTNER },
        ],
      },
      {
        signalId: 'g-1',
        agencyId: 'ggz-centraal',
        agencyKind: 'MENTAL_HEALTH',
        category: v1.Category.CATEGORY_PSYCHIATRIC_CRISIS,
        shownAs: 'INDEX',
        outcome: 'INDEX',
        observedAt: { seconds: Date.parse('2026-10-01T10:00:00Z') / 1000, nanos: 0 },
      },
      {
        signalId: 'l-1',
        agencyId: 'lokaalteam-ede',
        agencyKind: 'LOCAL_TEAM',
        category: v1.Category.CATEGORY_DEBT,
        severity: v1.Severity.SEVERITY_MEDIUM,
        shownAs: 'DISCLOSE',
        outcome: 'DISCLOSE',
        observedAt: { seconds: Date.parse('2026-12-01T10:00:00Z') / 1000, nanos: 0 },
        subject: person('S. de Wit', '1993-03-03'),
        relatedPersons: [{ ...person('M. Visser', '1991-05-14'), relation: R.RELATION_PARTNER }],
      },
    ] as v1.AlertEntry.$Properties[]
  ).map((e) => v1.AlertEntry.create(e)),
});
const agencies = {
  'politie-oost-nederland': 'Politie Oost-Nederland',
  'ggz-centraal': 'GGZ Centraal',
  'lokaalteam-ede': 'Lokaal team Ede',
};
const view = { csrf: 'c', decided: new Map(), agencies };

describe('the family page', () => {
  it('lists each person once and each tie once, whichever entry tells it', () => {
    const { persons, ties } = familyOf(alert.entries as v1.AlertEntry[]);
    expect(persons.map((p) => p.name).sort()).toEqual(['A. Visser', 'J. Visser', 'M. Visser', 'S. de Wit']);
    // Two entries name M and S as partners: one tie. Parents point to their child.
    expect(ties.map((x) => x.relation).sort()).toEqual(['PARENT', 'PARENT', 'PARTNER']);
    const parents = ties.filter((x) => x.relation === 'PARENT');
    expect(parents.every((x) => x.b.startsWith('M. Visser'))).toBe(true);
  });

  it('draws the family as SVG with a text alternative, and says how many persons it does not show', () => {
    const html = familyGraph(nl, alert).html;
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="family-title"/);
    expect((html.match(/<circle /g) ?? []).length).toBe(4);
    expect((html.match(/<line /g) ?? []).length).toBe(3);
    expect(html).toContain('J. Visser is ouder van M. Visser');
    expect(html).toMatch(/M. Visser is partner van S. de Wit|S. de Wit is partner van M. Visser/);
    expect(html).toContain('1 andere personen in dit gezinssysteem worden u niet getoond');
    // Names are escaped like everything else on a page.
    const evil = v1.HouseholdAlert.create({
      persons: 1,
      entries: [{ shownAs: 'DISCLOSE', subject: person('<script>x</script>', '') }],
    });
    expect(familyGraph(nl, evil).html).not.toContain('<script>');
  });

  it('names a family by a person the viewer may see, else its address, else its size — never a hash', () => {
    expect(familyName(nl, alert)).toBe('Gezin rond S. de Wit');
    const onlyAddress = v1.HouseholdAlert.create({
      persons: 2,
      entries: [{ shownAs: 'DISCLOSE', address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' } }],
    });
    expect(familyName(nl, onlyAddress)).toBe('Gezin op 6717CD 3B');
    expect(familyName(nl, v1.HouseholdAlert.create({ systemId: 'sys_d13e29f2', persons: 2 }))).toBe(
      'Gezin van 2 personen',
    );
    const card = alertCard(nl, alert, { ...view, notice: true }).html;
    expect(card).toContain('Gezin van 5 personen — politie, ggz, lokaal team');
    expect(card).not.toContain('sys_1</h2>');
  });

  it('tells the signals in time order with agency names, category and how each is shown', () => {
    const html = familyBody(nl, alert, view).html;
    const timeline = html.slice(html.indexOf('class="timeline"'), html.indexOf('</ol>'));
    const order = ['GGZ Centraal', 'Politie Oost-Nederland', 'Lokaal team Ede'].map((n) => timeline.indexOf(n));
    expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
    expect(timeline).toContain('psychiatrische crisis');
    expect(timeline).toContain('alleen index');
    expect(timeline).toMatch(/2 nov\.? 2026/);
    expect(html).toContain('<dd>Politie Oost-Nederland</dd>');
    expect(html).not.toContain('politie-oost-nederland</dd>');
  });

  it('marks a family assigned to the viewer as theirs, with its local-team contact', () => {
    const assignment = {
      systemId: 'sys_1',
      worker: 'person:aaa',
      workerName: 'Fenna Jansen',
      localTeam: { name: 'Karin Wijkcoach', phone: '0318 000 000' },
      by: 'person:ccc',
      at: '2026-12-07T10:00:00Z',
    };
    const mine = alertCard(nl, alert, { ...view, assignment, me: 'person:aaa' }).html;
    expect(mine).toContain('data-mine="true"');
    expect(mine).toContain('Jouw gezin');
    expect(mine).toContain('Vaste duo (lokaal team): Karin Wijkcoach');
    const theirs = alertCard(nl, alert, { ...view, assignment, me: 'person:bbb' }).html;
    expect(theirs).not.toContain('Jouw gezin');
    expect(theirs).toContain('Toegewezen aan Fenna Jansen');
  });

  it('puts the reason for every shape of the alert rule in words, in both languages', () => {
    const policy = {
      alert: {
        onAcute: true,
        minDistinctAgencies: 2,
        windowDays: 90,
        minSignals: { count: 2, severityAtLeast: 'HIGH' },
      },
    } as unknown as Parameters<typeof alertDue>[1];
    const now = Date.parse('2026-12-07T12:00:00Z');
    const reasons = [
      alertDue([{ signalId: 'a', agencyId: 'x', severity: 'ACUTE', observedAt: now }], policy, now).reason,
      alertDue(
        [
          { signalId: 'a', agencyId: 'x', severity: 'LOW', observedAt: now },
          { signalId: 'b', agencyId: 'y', severity: 'LOW', observedAt: now },
        ],
        policy,
        now,
      ).reason,
      alertDue(
        [
          { signalId: 'a', agencyId: 'x', severity: 'HIGH', observedAt: now },
          { signalId: 'b', agencyId: 'x', severity: 'HIGH', observedAt: now },
        ],
        policy,
        now,
      ).reason,
    ];
    expect(alertReasonWords('nl', reasons[0]!)).toBe('een acuut signaal');
    expect(alertReasonWords('nl', reasons[1]!)).toBe('signalen van 2 instanties binnen 90 dagen');
    expect(alertReasonWords('nl', reasons[2]!)).toBe('2 signalen met ernst hoog of hoger');
    for (const r of reasons) expect(alertReasonWords('en', r)).not.toMatch(/ACUTE|HIGH/);
  });

  it('says in words why a search found nothing, for every code the consent service answers with', () => {
    for (const code of ['NO_POLICY', 'NOT_ALERTED', 'CORRECTED', 'SEVERAL_SYSTEMS', 'ERR_INPUT_INVALID'])
      expect(emptyWords(nl, `${code}: english words`)).not.toMatch(/english|_/);
    expect(emptyWords(nl, 'something new')).toBe('Er kan nu geen beeld worden getoond.');
  });
});

describe('a person told by two agencies', () => {
  it('is one person when one agency gives a birth date and the other a name only', () => {
    const entries = [
      { shownAs: 'DISCLOSE', subject: { name: 'M. Visser', birthDate: '1991-05-14' } },
      { shownAs: 'DISCLOSE', subject: { name: 'M. Visser' } },
    ].map((e) => v1.AlertEntry.create(e));
    expect(familyOf(entries).persons).toEqual([
      { key: 'M. Visser\n1991-05-14', name: 'M. Visser', birthDate: '1991-05-14' },
    ]);
  });
  it('stays two persons when two of that name have different birth dates', () => {
    const entries = [
      { subject: { name: 'J. de Jong', birthDate: '1970-01-01' } },
      { subject: { name: 'J. de Jong', birthDate: '2001-01-01' } },
      { subject: { name: 'J. de Jong' } },
    ].map((e) => v1.AlertEntry.create(e));
    expect(familyOf(entries).persons).toHaveLength(3);
  });
});
