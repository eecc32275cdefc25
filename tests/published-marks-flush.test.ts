import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient } from 'nats';
import { BUCKETS, bindKv } from '@samenhang/stack';
import { emptyPicture, type Picture } from '../services/consent/src/family/picture.js';
import { FamilySystems } from '../services/consent/src/family/systems.js';
import { JsonKv } from '../services/consent/src/kv-json.js';
import { flushMarks } from '../services/consent/src/mark-flusher.js';
import { adoptMarks, saveMarks } from '../services/consent/src/marks-journal.js';
import { PublishedMarks } from '../services/consent/src/published-marks.js';
import { bareStack, type TestStack } from './helpers/stack.js';

/** The flusher stores "published" marks no picture write carried, in real pictures. */
describe('flushMarks: sent versions stored in their pictures', () => {
  let t: TestStack;
  let js: JetStreamClient;
  beforeAll(async () => void ({ t, js } = await bareStack()));
  afterAll(async () => t?.close());

  async function systemsWith(ids: readonly string[]): Promise<FamilySystems> {
    const pictures = new JsonKv<Picture>(await bindKv(js, BUCKETS.PICTURES));
    const systems = new FamilySystems(pictures, new JsonKv(await bindKv(js, BUCKETS.FS_PERSONS)), new JsonKv(await bindKv(js, BUCKETS.FS_HOUSEHOLDS)), 8);
    for (const id of ids) await pictures.cas(id, { ...emptyPicture(id), alerts: { twente: { version: 2, contentSha256: 'x', published: 0 } } }, 0);
    return systems;
  }
  const published = async (id: string) => (await new JsonKv<Picture>(await bindKv(js, BUCKETS.PICTURES)).get(id))?.value.alerts['twente']?.published;

  it('stores every due mark, several pictures at a time, and forgets them', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `sys_flush_${i}`);
    const systems = await systemsWith(ids);
    ids.forEach((id, i) => systems.marks.add(id, 'twente', 2, 1_000 + i));
    expect(await flushMarks(systems, Infinity, Infinity, 4)).toBe(40);
    expect(systems.marks.size).toBe(0);
    expect(await Promise.all(ids.map(published))).toEqual(ids.map(() => 2));
  });

  it('leaves young marks to ride on a later write, except the oldest beyond `keep` systems', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `sys_keep_${i}`);
    const systems = await systemsWith(ids);
    ids.forEach((id, i) => systems.marks.add(id, 'twente', 2, 1_000 + i));
    expect(await flushMarks(systems, 0, 6)).toBe(4);
    expect(systems.marks.size).toBe(6);
    expect(await Promise.all(ids.map(published))).toEqual(ids.map((_, i) => (i < 4 ? 2 : 0)));
  });

  describe('the journal a stopping instance leaves', () => {
    const keysOf = async () => {
      const out: string[] = [];
      for await (const k of await (await bindKv(js, BUCKETS.PUBLISHED_MARKS)).keys()) out.push(k);
      return out.sort();
    };

    it('holds every waiting mark, a few thousand systems a value, and is adopted once and removed', async () => {
      const kv = await bindKv(js, BUCKETS.PUBLISHED_MARKS);
      const stopping = new PublishedMarks();
      for (let i = 0; i < 9_000; i++) stopping.add(`sys_j_${i}`, 'twente', 3, 1_000 + i);
      stopping.add('sys_j_0', 'ijsselland', 5, 2_000);
      expect(await saveMarks(kv, stopping, 'consent-1', 77)).toBe(9_000);
      expect(await keysOf()).toEqual(['consent-1.77.0', 'consent-1.77.1', 'consent-1.77.2']);

      const starting = new PublishedMarks();
      expect(await adoptMarks(kv, starting)).toBe(9_000);
      expect(await keysOf()).toEqual([]);
      expect(starting.size).toBe(9_000);
      expect([0, 4_321, 8_999].every((i) => starting.sent(`sys_j_${i}`, 'twente', 3))).toBe(true);
      expect(starting.sent('sys_j_0', 'ijsselland', 5)).toBe(true);
      expect(starting.sent('sys_j_1', 'twente', 4)).toBe(false);
      expect(starting.systems(0)).toHaveLength(9_000); // due at once: the next flusher round stores them
      expect(await adoptMarks(kv, new PublishedMarks())).toBe(0);
    });

    it('stores adopted marks in their pictures on the next flush', async () => {
      const ids = ['sys_adopt_a', 'sys_adopt_b'];
      const systems = await systemsWith(ids);
      const stopping = new PublishedMarks();
      for (const id of ids) stopping.add(id, 'twente', 2);
      await saveMarks(await bindKv(js, BUCKETS.PUBLISHED_MARKS), stopping, 'consent-2');
      expect(await adoptMarks(await bindKv(js, BUCKETS.PUBLISHED_MARKS), systems.marks)).toBe(2);
      expect(await flushMarks(systems, Date.now() - 300_000)).toBe(2);
      expect(await Promise.all(ids.map(published))).toEqual([2, 2]);
    });

    it('deletes a damaged value without adopting from it', async () => {
      const kv = await bindKv(js, BUCKETS.PUBLISHED_MARKS);
      await kv.put('consent-3.1.0', new TextEncoder().encode('{"marks":[["sys_x",{"twente":"2"}],["sys_y",{"twente":2}],7]}'));
      await kv.put('consent-3.1.1', new TextEncoder().encode('not json'));
      const marks = new PublishedMarks();
      expect(await adoptMarks(kv, marks)).toBe(1);
      expect(marks.sent('sys_y', 'twente', 2)).toBe(true);
      expect(marks.sent('sys_x', 'twente', 1)).toBe(false);
      expect(await keysOf()).toEqual([]);
    });
  });
});
