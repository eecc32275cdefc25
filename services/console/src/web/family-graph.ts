import { nameOf } from '@samenhang/signal';
import type { v1 } from '@samenhang/proto';
import { h, type Raw } from './html.js';
import type { Translator } from './i18n.js';
import { word } from './labels.js';

/** A person as a picture shows them: only who a disclosed entry names, by name and birth date. */
export interface FamilyPerson {
  readonly key: string;
  readonly name: string;
  readonly birthDate: string;
}

/**
 * One tie between two persons. `PARENT`: `a` is a parent of `b`. The other relations hold
 * both ways, so `a` and `b` are in a fixed order and one tie stands for both directions.
 */
export interface FamilyTie {
  readonly a: string;
  readonly b: string;
  readonly relation: string;
}

const keyOf = (p: { name?: string | null; birthDate?: string | null }) => `${p.name ?? ''}\n${p.birthDate ?? ''}`;

/**
 * The persons and ties the disclosed entries of a picture show. An entry names its subject
 * and, for each related person, that person's relation to the subject; the same tie told by
 * two entries (a partner of each other, a parent and a child) is one tie. Persons the picture
 * does not show (no ground to disclose them) are not here: the page says how many there are.
 */
export function familyOf(entries: readonly v1.AlertEntry[]): { persons: FamilyPerson[]; ties: FamilyTie[] } {
  type Named = v1.AlertEntry['subject'];
  const named = (p: Named): p is NonNullable<Named> & { name: string } => Boolean(p?.name);
  const told = entries.flatMap((e) => [e.subject, ...(e.relatedPersons ?? [])]).filter(named);
  // One agency may give a birth date where another gives a name only: the same name without a
  // date is that person, when exactly one person of that name has a date.
  const dated = new Map<string, Set<string>>();
  for (const p of told) if (p.birthDate) dated.set(p.name, (dated.get(p.name) ?? new Set()).add(p.birthDate));
  const persons = new Map<string, FamilyPerson>();
  const add = (p: Named): string | undefined => {
    if (!named(p)) return undefined;
    const only = dated.get(p.name)?.size === 1 ? [...dated.get(p.name)!][0]! : '';
    const birthDate = p.birthDate || only;
    const key = keyOf({ name: p.name, birthDate });
    if (!persons.has(key)) persons.set(key, { key, name: p.name, birthDate });
    return key;
  };
  const ties = new Map<string, FamilyTie>();
  for (const e of entries) {
    const subject = add(e.subject);
    for (const r of e.relatedPersons ?? []) {
      const other = add(r);
      if (!subject || !other || subject === other) continue;
      const relation = nameOf('relation', r.relation ?? 0);
      const tie =
        relation === 'PARENT'
          ? { a: other, b: subject, relation }
          : relation === 'CHILD'
            ? { a: subject, b: other, relation: 'PARENT' }
            : { a: subject < other ? subject : other, b: subject < other ? other : subject, relation };
      ties.set(`${tie.a}\n${tie.b}\n${tie.relation}`, tie);
    }
  }
  return { persons: [...persons.values()], ties: [...ties.values()] };
}

const WIDTH = 640;
const HEIGHT = 380;
const NODE = 22;

/**
 * Where each person stands: the person with the most ties in the middle, the others on a
 * circle around them (the first at the top), so the lines and their words spread out.
 */
function layout(persons: readonly FamilyPerson[], ties: readonly FamilyTie[]): Map<string, { x: number; y: number }> {
  const at = new Map<string, { x: number; y: number }>();
  const degree = (p: FamilyPerson) => ties.filter((x) => x.a === p.key || x.b === p.key).length;
  const centre = persons.length >= 3 ? [...persons].sort((x, y) => degree(y) - degree(x))[0] : undefined;
  const ring = persons.filter((p) => p !== centre);
  if (centre) at.set(centre.key, { x: WIDTH / 2, y: HEIGHT / 2 });
  const r = ring.length === 1 && !centre ? 0 : Math.min(WIDTH, HEIGHT) / 2 - 50;
  ring.forEach((p, i) => {
    const angle = (2 * Math.PI * i) / ring.length - Math.PI / 2;
    at.set(p.key, { x: Math.round(WIDTH / 2 + r * Math.cos(angle)), y: Math.round(HEIGHT / 2 + r * Math.sin(angle)) });
  });
  return at;
}

const year = (birthDate: string) => (birthDate ? ` (${birthDate.slice(0, 4)})` : '');

/** "J. Visser is ouder van M. Visser": a tie in the page's words. */
function tieText(t: Translator, tie: FamilyTie, name: (key: string) => string): string {
  return t('tie', name(tie.a), word(t.lang, 'relation', tie.relation), name(tie.b));
}

/**
 * The family system as a picture: persons as circles, ties as lines (an ex-partner dashed, a
 * parent's line with an arrow to the child), drawn on the server as SVG so no script or
 * external asset is needed; and the same as text, for screen readers and for print.
 */
export function familyGraph(t: Translator, alert: v1.HouseholdAlert): Raw {
  const { persons, ties } = familyOf(alert.entries as v1.AlertEntry[]);
  const hidden = Math.max(0, alert.persons - persons.length);
  const name = (key: string) => persons.find((p) => p.key === key)?.name ?? '';
  const unseen = hidden > 0 ? h`<p class="hidden-persons">${t('personsHidden', hidden)}</p>` : '';
  if (persons.length === 0) return h`<section class="family"><h2>${t('familyPersons')}</h2>${unseen}</section>`;
  const at = layout(persons, ties);
  const lines = ties.map((tie) => {
    const [a, b] = [at.get(tie.a)!, at.get(tie.b)!];
    const mid = { x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2) };
    return h`<g class="tie tie-${tie.relation.toLowerCase()}"><line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"${tie.relation === 'EX_PARTNER' ? h` stroke-dasharray="6 4"` : ''}${tie.relation === 'PARENT' ? h` marker-end="url(#to-child)"` : ''}></line><text x="${mid.x}" y="${mid.y - 4}" text-anchor="middle">${word(t.lang, 'relation', tie.relation)}</text></g>`;
  });
  const nodes = persons.map((p) => {
    const c = at.get(p.key)!;
    return h`<g class="person"><circle cx="${c.x}" cy="${c.y}" r="${NODE}"></circle><text x="${c.x}" y="${c.y + NODE + 16}" text-anchor="middle">${p.name}${year(p.birthDate)}</text></g>`;
  });
  return h`<section class="family" aria-labelledby="family-h"><h2 id="family-h">${t('familyPersons')}</h2>
<figure><svg class="family-graph" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="family-title" xmlns="http://www.w3.org/2000/svg"><title id="family-title">${t('familyGraphTitle', persons.length, ties.length)}</title>
<defs><marker id="to-child" viewBox="0 0 10 10" refX="${10 + NODE / 2}" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker></defs>
${lines}${nodes}</svg>
<figcaption><h3>${t('familyAsText')}</h3><ul class="persons">${persons.map((p) => h`<li>${p.name}${p.birthDate ? h`, ${t('born')} ${p.birthDate}` : ''}</li>`)}</ul>
${ties.length ? h`<ul class="ties">${ties.map((tie) => h`<li>${tieText(t, tie, name)}</li>`)}</ul>` : ''}</figcaption></figure>
${unseen}</section>`;
}
