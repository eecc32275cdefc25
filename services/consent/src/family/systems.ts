import { SamenhangError } from '@samenhang/errors';
import { emptyPicture, mergePictures, type Picture, systemIdOf, withCapped } from '@samenhang/family';
import { conflict, isConflict, type JsonKv, type Read } from './kv-json.js';

export interface HouseholdLink {
  readonly systemId: string;
  /** The residents the address links: subjects of signals with this address (not persons they name). */
  readonly persons: readonly string[];
  /** Over the cap (shelter, student housing): this address no longer links anyone. */
  readonly capped: boolean;
}

/** Where a signal was placed. */
export interface Placement {
  /** The live picture it belongs in. */
  readonly system: string;
  /**
   * Its address is past the linking cap: the picture (id, possibly merged since) the
   * address linked before, which must be told so that it undoes those links too.
   */
  readonly cappedIn?: string;
}

/**
 * The pictures, as a union-find over JetStream KV: persons ever linked share one picture,
 * which only grows (by merging). The family systems shown are derived from a picture's
 * live signals (@samenhang/family) and may split; a picture never does. Every write is a
 * compare-and-set on the key's revision and a monotone union, so two consent instances
 * working at once never lose an update: a loser re-reads and retries.
 */
export class FamilySystems {
  constructor(
    private readonly pictures: JsonKv<Picture>,
    private readonly persons: JsonKv<{ systemId: string }>,
    private readonly households: JsonKv<HouseholdLink>,
    private readonly maxPersonsPerAddress: number,
  ) {}

  /** A picture as stored (`cached`: may come from memory, see JsonKv). */
  picture(systemId: string, o: { cached?: boolean } = {}): Promise<Read<Picture> | undefined> {
    return this.pictures.get(systemId, o);
  }

  /**
   * The live picture a system id leads to: a picture's own id, one merged into another, or
   * a family system's id (derived, see `register`).
   */
  async live(systemId: string): Promise<Picture | undefined> {
    return (await this.pictures.get(await this.root(systemId)))?.value;
  }

  /**
   * Makes a family system's id lead to the picture it is derived from, so that a request
   * naming it (from an alert notice) finds it. Its id is its founder's, so it is either that
   * picture's own id or free: a pointer written once, never changed.
   */
  async register(familySystemId: string, pictureId: string): Promise<void> {
    if (familySystemId === pictureId) return;
    if (await this.pictures.get(familySystemId, { cached: true })) return;
    await this.pictures
      .cas(familySystemId, { ...emptyPicture(familySystemId), mergedInto: pictureId }, 0)
      .catch((e: unknown) => {
        if (!isConflict(e)) throw e; // written meanwhile: by the founder's own picture, or a twin
      });
  }

  /** Writes a picture back unchanged (its write stamp renewed); false when it changed meanwhile. */
  async rewrite(systemId: string, current: Read<Picture>): Promise<boolean> {
    try {
      await this.pictures.cas(systemId, current.value, current.revision);
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  /** The heap runs short: forget the older half of the pictures remembered. */
  shrink(): number {
    return this.pictures.shrink();
  }

  /** An address passed the cap: the picture it linked in no longer links by it. Returns that picture's id. */
  async capAddress(systemId: string, household: string): Promise<string> {
    return withRetries(async () => {
      const root = await this.root(systemId);
      await this.change(root, (p) => withCapped(p, household));
      return root;
    });
  }

  /** The live system a (possibly merged) system id now belongs to. */
  async root(systemId: string): Promise<string> {
    return (await this.rootInfo(systemId, false)).id;
  }

  async systemOf(person: string): Promise<string | undefined> {
    const e = await this.persons.get(person);
    return e ? this.root(e.value.systemId) : undefined;
  }

  async systemOfHousehold(household: string): Promise<string | undefined> {
    const e = await this.households.get(household);
    return e ? this.root(e.value.systemId) : undefined;
  }

  /**
   * Puts the persons (and, below the cap, the household) into one system, merging
   * systems they already belong to; returns its id. Throws ERR_CONFLICT on a lost race.
   * `persons[0]` is the signal's subject: the one resident the address stands for. Persons
   * named by relation are linked by that relation and do not count toward the cap, so a
   * large family at one address keeps its address link (a shelter's unrelated residents
   * are each a subject, and do count).
   *
   * The household entry is written first, with compare-and-set on the revision the
   * cap was judged on: two residents arriving at once cannot both take the last
   * place, and nobody joins the address's system before the address admitted them.
   *
   * `seed`: what a system created by this call starts with (the signal that founds it),
   * so that a new system costs one picture write instead of two. `seedAfter`: what must be
   * stored before a seeded picture is written (the seed's decision record), sent meanwhile.
   */
  async place(
    persons: readonly string[],
    household: string,
    seed?: (empty: Picture) => Picture,
    seedAfter?: Promise<unknown>,
  ): Promise<Placement> {
    // One lookup per system in this attempt: roots are read again only by the next attempt.
    const seen = new Map<string, Promise<{ id: string; live: boolean }>>();
    // Reads come from memory where possible: every write below is a compare-and-set on
    // the revision read, so a stale read fails the attempt and the retry reads afresh.
    const rootOf = (id: string) => seen.get(id) ?? seen.set(id, this.rootInfo(id, true)).get(id)!;
    const roots = new Map<string, boolean>();
    const known = new Set<string>();
    for (const p of persons) {
      const e = await this.persons.get(p, { cached: true }); // a person's first system never changes
      if (!e) continue;
      known.add(p);
      const r = await rootOf(e.value.systemId);
      roots.set(r.id, r.live);
    }
    // A protected address (no household key) links no one: only the persons named do.
    const h = household === '' ? undefined : await this.households.get(household, { cached: true });
    const resident = persons[0]!;
    const newcomers = h?.value.persons.includes(resident) ? [] : [resident];
    const linking = !h || (!h.value.capped && h.value.persons.length + newcomers.length <= this.maxPersonsPerAddress);
    if (h && linking) {
      const r = await rootOf(h.value.systemId);
      roots.set(r.id, r.live);
    }

    // Still reported when it was capped before: a crash may have come between capping the
    // address and telling its picture (the picture's change is idempotent).
    const cappedIn = h && !linking ? h.value.systemId : undefined;
    const placed = (system: string): Placement => (cappedIn ? { system, cappedIn } : { system });
    let target = roots.size === 0 ? systemIdOf(persons[0]!) : [...roots.keys()].sort()[0]!;
    if (!h) {
      if (household !== '')
        await this.households.cas(household, { systemId: target, persons: [resident], capped: false }, 0);
    } else if (linking && newcomers.length > 0)
      await this.households.cas(household, { ...h.value, persons: [...h.value.persons, ...newcomers] }, h.revision);
    else if (!linking && !h.value.capped)
      await this.households.cas(household, { ...h.value, capped: true }, h.revision);

    const newcomersOf = (id: string) =>
      persons.filter((p) => !known.has(p)).map((p) => this.persons.cas(p, { systemId: id }, 0));
    if (roots.size === 0) {
      // A new system: its picture and its persons' links go out together, one round trip
      // instead of two. A link may so point at a picture not yet written, as a crash can
      // leave it; whoever reads it creates the picture or finds it (rootInfo, merge).
      const created = this.ensurePicture(target, seed, seedAfter);
      await Promise.all([created, ...newcomersOf(target)]);
      // It existed already (an earlier attempt's, or another instance's): links may name any
      // system of a chain, its root is looked up through it.
      return placed((await created) ? target : await this.root(target));
    }
    // A picture created just now is live; one that existed (an earlier attempt's, or
    // another instance's) may have been merged since.
    if (!roots.get(target) && !(await this.ensurePicture(target, seed, seedAfter))) target = await this.root(target);
    for (const other of roots.keys()) if (other !== target) await this.merge(other, target);

    // Persons seen above now root at the target (systems only ever merge); if the target
    // itself was merged away meanwhile, the caller's change() says so and all is retried.
    await Promise.all(newcomersOf(target));
    return placed(target);
  }

  /** The live system of `systemId`, and whether its picture exists yet. */
  private async rootInfo(systemId: string, cached: boolean): Promise<{ id: string; live: boolean }> {
    let id = systemId;
    for (let i = 0; i < 64; i++) {
      const p = await this.pictures.get(id, { cached });
      if (!p) return { id, live: false };
      if (!p.value.mergedInto) return { id, live: true };
      id = p.value.mergedInto;
    }
    throw new SamenhangError('ERR_INTERNAL', `picture ${systemId}: merge chain longer than 64`);
  }

  /**
   * Creates a picture (empty, or seeded) unless one exists: a crash may have left a
   * household pointing at none. True when this call created it. No read first: the
   * create itself says whether the key exists, one request instead of two.
   */
  private async ensurePicture(
    systemId: string,
    seed?: (empty: Picture) => Picture,
    seedAfter?: Promise<unknown>,
  ): Promise<boolean> {
    if (seed) await seedAfter;
    try {
      await this.pictures.cas(systemId, seed ? seed(emptyPicture(systemId)) : emptyPicture(systemId), 0);
      return true;
    } catch (e) {
      if (!isConflict(e)) throw e;
      return false; // it exists: created meanwhile, or earlier
    }
  }

  /**
   * Merges `from` into `into`. A `from` without a picture yet (its household was written,
   * its picture not: another instance is between the two) gets a tombstone pointing at
   * `into`: that instance's create then fails and it follows the pointer. Without it the
   * picture would appear after this merge and the two systems would stay apart.
   */
  private async merge(from: string, into: string): Promise<void> {
    const src = await this.pictures.get(from);
    if (!src) {
      await this.pictures.cas(from, { ...emptyPicture(from), mergedInto: into }, 0); // ERR_CONFLICT: created meanwhile, retry
      return;
    }
    if (src.value.mergedInto) return;
    let dst = await this.pictures.get(into);
    if (!dst) {
      await this.ensurePicture(into);
      dst = await this.pictures.get(into);
    }
    if (!dst || dst.value.mergedInto) throw conflict('merge target moved');
    await this.pictures.cas(into, mergePictures(dst.value, src.value), dst.revision);
    await this.pictures.cas(from, { ...emptyPicture(from), mergedInto: into }, src.revision);
  }

  /** Changes a live picture with compare-and-set; ERR_CONFLICT when it was merged away meanwhile. */
  async change(systemId: string, fn: (p: Picture) => Picture | undefined): Promise<Picture> {
    for (let i = 0; i < 50; i++) {
      const cur = await this.pictures.get(systemId, { cached: i === 0 });
      if (!cur || cur.value.mergedInto) throw conflict('system merged away');
      const changed = fn(cur.value);
      if (changed === undefined) return cur.value;
      try {
        await this.pictures.cas(systemId, changed, cur.revision);
        return changed;
      } catch (e) {
        if (!isConflict(e)) throw e;
      }
    }
    throw conflict('too many concurrent changes');
  }
}

/** Runs a placement-and-change step until it wins its races (bounded). */
export async function withRetries<T>(step: () => Promise<T>, attempts = 30): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await step();
    } catch (e) {
      if (!isConflict(e) || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (i + 1)));
    }
  }
}
