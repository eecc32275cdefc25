import { sha256Hex } from '@samenhang/canonical';
import type { Picture, PictureEntry } from './picture.js';

/** One family system as the live signals make it now. */
export interface FamilySystem {
  /**
   * `sys_` and a hash of its founder: of its persons, the subject of the earliest signal
   * in the picture, live or not. A system keeps its id while its founder stays in it, even
   * after the founding signal expired.
   */
  readonly id: string;
  /** Every person its live signals name, sorted. */
  readonly persons: readonly string[];
  /** Its live signals, oldest first. */
  readonly entries: readonly PictureEntry[];
}

/** Whether `id` has the form of a system id (as requests name them); anything else is not looked up. */
export const isSystemId = (id: string): boolean => /^sys_[A-Za-z0-9_-]{1,64}$/.test(id);

/** The id a system founded by `person` has: the same however its signals arrived. */
export const systemIdOf = (person: string): string => `sys_${sha256Hex(person).slice(0, 24)}`;

/** A signal links only while it is live: withdrawn ones are gone from the picture, and denied or expired ones show nothing. */
export const isLive = (e: PictureEntry): boolean => e.decision.shownAs !== 'DENY';

const older = (a: PictureEntry, b: PictureEntry) => a.observedAt - b.observedAt || (a.key < b.key ? -1 : 1);

/**
 * The family systems of a picture: persons linked by a relation a live signal names, or by
 * an address that live signals give as their subjects' home, as long as the address has at
 * most `maxPersonsPerAddress` such residents and is not capped (`picture.capped`: it passed
 * the cap among all signals ever, some of them possibly elsewhere). Persons named only by
 * relation do not count toward the cap. A pure function of the set of live entries: any
 * order of arrival gives the same systems with the same ids.
 */
export function deriveSystems(p: Pick<Picture, 'entries' | 'capped'>, maxPersonsPerAddress: number): FamilySystem[] {
  const all = Object.values(p.entries).sort(older);
  const live = all.filter(isLive);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    // Path compression: every node on the way now points at the root.
    for (let n = x; n !== r; ) {
      const next = parent.get(n)!;
      parent.set(n, r);
      n = next;
    }
    return r;
  };
  // The smaller id wins: the result does not depend on the order of the unions.
  const link = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const residents = new Map<string, Set<string>>();
  for (const e of live) {
    find(e.subjectPseudonym);
    for (const r of e.related) if (r.pseudonym) link(e.subjectPseudonym, r.pseudonym);
    if (!e.householdKey) continue;
    const at = residents.get(e.householdKey) ?? new Set<string>();
    residents.set(e.householdKey, at.add(e.subjectPseudonym));
  }
  const capped = new Set(p.capped ?? []);
  for (const [household, persons] of residents) {
    if (capped.has(household) || persons.size > maxPersonsPerAddress) continue;
    const [first, ...rest] = [...persons];
    for (const other of rest) link(first!, other);
  }
  const groups = new Map<string, { founder?: string; persons: Set<string>; entries: PictureEntry[] }>();
  for (const e of live) {
    const root = find(e.subjectPseudonym);
    const g = groups.get(root) ?? { persons: new Set<string>(), entries: [] };
    groups.set(root, g);
    g.entries.push(e);
    g.persons.add(e.subjectPseudonym);
    for (const r of e.related) if (r.pseudonym) g.persons.add(r.pseudonym);
  }
  for (const e of all) {
    if (!parent.has(e.subjectPseudonym)) continue; // a subject of dead signals only: in no system
    const g = groups.get(find(e.subjectPseudonym));
    if (g && g.founder === undefined) g.founder = e.subjectPseudonym;
  }
  return [...groups.values()]
    .map((g) => ({ id: systemIdOf(g.founder!), persons: [...g.persons].sort(), entries: g.entries }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
