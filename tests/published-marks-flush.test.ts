import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient } from 'nats';
import { BUCKETS, bindKv } from '@samenhang/stack';
import { emptyPicture, type Picture } from '../services/consent/src/family/picture.js';
import { FamilySystems } from '../services/consent/src/family/systems.js';
import { JsonKv } from '../services/consent/src/kv-json.js';
import { flushMarks } from '../services/consent/src/mark-flusher.js';
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
});
