import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient } from 'nats';
import { sha256Hex } from '@samenhang/canonical';
import { BloomKeys, KeyWatch, bindKv, bucketLastSequence } from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';
import { emptyPicture, type Picture } from '@samenhang/family';
import { FamilySystems, type Placement, withRetries } from '../services/consent/src/family/systems.js';
import { JsonKv } from '../services/consent/src/family/kv-json.js';
import { countingGets } from './helpers/counting-kv.js';
import { Lagging } from './helpers/known-keys.js';
import { until } from './helpers/until.js';
import { bareStack, type TestStack } from '@samenhang/testkit';

/** Holds one key's creation until released: the moment between a household write and its system's picture. */
class GatedPictures extends JsonKv<Picture> {
  // Declared before the promises that assign them: a later declaration would reset them.
  private release!: () => void;
  private reached!: () => void;
  readonly held = new Promise<void>((r) => (this.reached = r));
  private readonly gate = new Promise<void>((r) => (this.release = r));
  hold = '';

  override async cas(key: string, value: Picture, revision: number): Promise<number> {
    if (revision === 0 && key === this.hold) {
      this.reached();
      await this.gate;
    }
    return super.cas(key, value, revision);
  }

  open(): void {
    this.release();
  }
}

const systemIdOf = (person: string) => `sys_${sha256Hex(person).slice(0, 24)}`;

/**
 * Two consent instances placing persons at once, against real KV buckets; each has its
 * own memories, as two processes do. The interleavings are forced, not hoped for.
 */
/** The picture a placement put its persons in. */
const system = (p: Placement) => p.system;

describe('family systems: concurrent placement', () => {
  let t: TestStack;
  let js: JetStreamClient;
  beforeAll(async () => {
    ({ t, js } = await bareStack());
  });
  afterAll(async () => t?.close());

  const instance = async (pictures?: JsonKv<Picture>) =>
    new FamilySystems(
      pictures ?? new JsonKv<Picture>(await bindKv(js, BUCKETS.PICTURES)),
      new JsonKv(await bindKv(js, BUCKETS.FS_PERSONS)),
      new JsonKv(await bindKv(js, BUCKETS.FS_HOUSEHOLDS)),
      8,
    );

  it('does not lose a merge with a system whose picture is not created yet', async () => {
    // Person b already has a system S; person a is new and arrives at address H. Names are
    // chosen so that S sorts first: the instance linking b to H then merges a's system into S.
    const [b, a] = ['race-p1', 'race-p2', 'race-p3', 'race-p4'].flatMap((x, _, xs) =>
      xs.filter((y) => y !== x && systemIdOf(x) < systemIdOf(y)).map((y) => [x, y]),
    )[0]!;
    const [S, T] = [systemIdOf(b), systemIdOf(a)];
    const household = 'hh-race-1';
    const other = await instance();
    expect(await other.place([b], 'hh-race-b').then(system)).toBe(S);

    // Instance A writes H → T and is held before it creates T's picture.
    const gated = new GatedPictures(await bindKv(js, BUCKETS.PICTURES));
    gated.hold = T;
    const first = await instance(gated);
    const placingA = withRetries(() => first.place([a], household).then(system));
    await gated.held;

    // Meanwhile instance B links b to H: H's system T has no picture yet, and S sorts first.
    expect(await withRetries(() => other.place([b], household).then(system))).toBe(S);
    gated.open();
    const placedA = await placingA;

    // One system: a ends up where b and the household are, and T points there.
    expect(placedA).toBe(S);
    const fresh = await instance();
    expect(await fresh.systemOf(a)).toBe(S);
    expect(await fresh.systemOf(b)).toBe(S);
    expect(await fresh.systemOfHousehold(household)).toBe(S);
    expect((await fresh.picture(T))?.value.mergedInto).toBe(S);
  });

  it("creates a new system's picture with its first content in one write", async () => {
    const systems = await instance();
    const seeded = (p: Picture): Picture => ({ ...p, persons: ['race-seed'], households: ['hh-seed'] });
    // The bucket keeps one value per key, so writes are counted by the stream's sequence
    // (nothing else writes pictures here: no services run).
    const lastSeq = async () =>
      (await (await js.jetstreamManager()).streams.info(`KV_${BUCKETS.PICTURES}`)).state.last_seq;
    const before = await lastSeq();
    const id = await systems.place(['race-seed'], 'hh-seed', seeded).then(system);
    const stored = await (await instance()).picture(id);
    expect(stored?.value).toEqual(seeded(emptyPicture(id)));
    expect(stored?.revision).toBe(before + 1);
    expect(await lastSeq()).toBe(before + 1);
  });

  it("links a new system's persons while its picture is written, and a placement in between joins that system", async () => {
    const [a, c] = ['race-new-a', 'race-new-c'];
    const T = systemIdOf(a);
    const gated = new GatedPictures(await bindKv(js, BUCKETS.PICTURES));
    gated.hold = T;
    const first = await instance(gated);
    const placingA = withRetries(() => first.place([a], 'hh-new-a', (p) => ({ ...p, persons: [a] })).then(system));
    await gated.held;
    // The picture is held, yet a's link is there already: both went out together.
    const links = new JsonKv<{ systemId: string }>(await bindKv(js, BUCKETS.FS_PERSONS));
    expect((await links.get(a))?.value.systemId).toBe(T);
    expect(await (await instance()).picture(T)).toBeUndefined();

    // Meanwhile another instance places c with a (a signal naming both, at c's address):
    // a's system has no picture yet, so that instance creates it and joins it.
    const other = await instance();
    const placedC = await withRetries(() => other.place([c, a], 'hh-new-c').then(system));
    gated.open();
    const placedA = await placingA;

    expect(placedA).toBe(placedC);
    const after = await instance();
    for (const p of [a, c]) expect(await after.systemOf(p)).toBe(placedA);
    for (const h of ['hh-new-a', 'hh-new-c']) expect(await after.systemOfHousehold(h)).toBe(placedA);
  });

  it('writes a seeded picture only after what it waits for is stored, and not at all when that fails', async () => {
    const systems = await instance();
    const seed = (p: Picture): Picture => ({ ...p, persons: ['race-after'] });
    let stored!: () => void;
    const decision = new Promise<void>((r) => (stored = r));
    const placing = systems.place(['race-after'], 'hh-after', seed, decision).then(system);
    await new Promise((r) => setTimeout(r, 300));
    const id = systemIdOf('race-after');
    const fresh = await instance();
    expect(await fresh.picture(id)).toBeUndefined(); // still waiting: no picture shows the seed
    stored();
    expect(await placing).toBe(id);
    expect((await fresh.picture(id))?.value.persons).toEqual(['race-after']);

    const refused = Promise.reject(new Error('audit stream refused the record'));
    refused.catch(() => undefined); // place() awaits it only after its household write
    await expect(systems.place(['race-refused'], 'hh-refused', seed, refused).then(system)).rejects.toThrow(
      'audit stream refused',
    );
    expect(await fresh.picture(systemIdOf('race-refused'))).toBeUndefined();
  });

  describe('persons and addresses followed by a watch', () => {
    const watched = async () => {
      const kv = async (bucket: string) => {
        const real = await bindKv(js, bucket);
        const counted = countingGets(real);
        const keys = await KeyWatch.follow(real, await (await bucketLastSequence(js, bucket))(), new BloomKeys());
        return { counted, keys, json: <T>() => new JsonKv<T>(counted.kv, 100, undefined, keys) };
      };
      const [persons, households] = [await kv(BUCKETS.FS_PERSONS), await kv(BUCKETS.FS_HOUSEHOLDS)];
      const systems = new FamilySystems(
        new JsonKv<Picture>(await bindKv(js, BUCKETS.PICTURES)),
        persons.json(),
        households.json(),
        8,
      );
      await until(
        () =>
          persons.keys.absentUpTo('kw-nobody') !== undefined && households.keys.absentUpTo('kw-nobody') !== undefined,
      );
      return {
        systems,
        gets: () => persons.counted.gets() + households.counted.gets(),
        stop: () => {
          for (const x of [persons, households]) x.keys.stop();
        },
      };
    };

    it('reads no key for a new person at a new address, and reads those that exist', async () => {
      const a = await watched();
      const id = await a.systems.place(['kw-p1'], 'hh-kw-1').then(system);
      expect(a.gets()).toBe(0);
      a.stop();
      // Another instance, started after: the watch delivered both keys, so they are read, and the person is found.
      const b = await watched();
      expect(await b.systems.place(['kw-p1'], 'hh-kw-1').then(system)).toBe(id);
      expect(b.gets()).toBe(2);
      b.stop();
    });

    it('still links a person another instance placed when the watch has not delivered that write', async () => {
      const other = await instance();
      const c = await other.place(['kw-c'], 'hh-kw-c').then(system);
      expect(await withRetries(() => other.place(['kw-b'], 'hh-kw-c').then(system))).toBe(c); // b lives with c
      const lagging = new FamilySystems(
        new JsonKv<Picture>(await bindKv(js, BUCKETS.PICTURES)),
        new JsonKv(await bindKv(js, BUCKETS.FS_PERSONS), 100, undefined, new Lagging()),
        new JsonKv(await bindKv(js, BUCKETS.FS_HOUSEHOLDS), 100, undefined, new Lagging()),
        8,
      );
      // b at a new address: taken for a new person first; the failed create of b's key says otherwise.
      const placed = await withRetries(() => lagging.place(['kw-b'], 'hh-kw-new').then(system));
      const fresh = await instance();
      expect(await fresh.systemOf('kw-b')).toBe(placed);
      expect(await fresh.systemOf('kw-c')).toBe(placed);
      expect(await fresh.systemOfHousehold('hh-kw-new')).toBe(placed);
    });
  });
});
