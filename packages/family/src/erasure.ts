import type { Picture } from './picture.js';
import { union } from './picture.js';

/** The keys of the signals about `person` (as their subject) in a picture. */
export function signalsAbout(p: Picture, person: string): string[] {
  return Object.values(p.entries)
    .filter((e) => e.subjectPseudonym === person)
    .map((e) => e.key)
    .sort();
}

/**
 * The picture without a person (an erasure): their signals leave it as withdrawn ones do (so
 * a redelivery never brings one back), and the relations other signals name to them are
 * dropped, so the links they made go too and the derived systems no longer hold them. The
 * person's pseudonym leaves `persons`. Undefined when nothing of them is left to remove.
 */
export function withErasure(p: Picture, person: string): Picture | undefined {
  const about = signalsAbout(p, person);
  const naming = Object.values(p.entries).filter(
    (e) => e.subjectPseudonym !== person && e.related.some((r) => r.pseudonym === person),
  );
  if (about.length === 0 && naming.length === 0 && !p.persons.includes(person)) return undefined;
  const entries = { ...p.entries };
  for (const k of about) delete entries[k];
  for (const e of naming) entries[e.key] = { ...e, related: e.related.filter((r) => r.pseudonym !== person) };
  return {
    ...p,
    entries,
    persons: p.persons.filter((x) => x !== person),
    withdrawn: union(p.withdrawn, about),
  };
}
