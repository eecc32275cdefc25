import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient, KV } from 'nats';
import { createLogger } from '@samenhang/logging';
import { loadRegistry } from '@samenhang/pki';
import { loadDefaultPolicy } from '@samenhang/policy';
import { BUCKETS, KeyedLock, KeyWatch, STREAMS, bindKv, bucketLastSequence, kvByteStore, loadBrokerKeys } from '@samenhang/stack';
import { Vault } from '@samenhang/vault';
import { AuditWriter } from '../services/consent/src/audit-records.js';
import { ConsentStore } from '../services/consent/src/consent-store.js';
import type { ConsentDeps } from '../services/consent/src/deps.js';
import { emptyPicture, type Picture } from '../services/consent/src/family/picture.js';
import { FamilySystems } from '../services/consent/src/family/systems.js';
import { JsonKv } from '../services/consent/src/kv-json.js';
import { MarksAside } from '../services/consent/src/marks-aside.js';
import { CreatedVersions, publishAlerts } from '../services/consent/src/publish-alerts.js';
import { countingGets } from './helpers/counting-kv.js';
import { bareStack, type TestStack } from './helpers/stack.js';

/**
 * A version sent long ago whose mark the flusher set aside (beyond the streams' one-hour
 * duplicate windows, a repeat would reach the RVT and the audit log again): publishAlerts
 * asks about it before sending, and sends a version the handling itself created without asking.
 */
describe('publishAlerts and marks set aside', () => {
  let t: TestStack;
  let js: JetStreamClient;
  let d: ConsentDeps;
  let asideGets: () => number;
  let asideKv: KV;
  let watch: KeyWatch;
  beforeAll(async () => {
    ({ t, js } = await bareStack());
    const keys = loadBrokerKeys(t.paths);
    const counted = countingGets(await bindKv(js, BUCKETS.MARKS_ASIDE));
    asideKv = counted.kv;
    asideGets = counted.gets;
    watch = await KeyWatch.follow(asideKv, await (await bucketLastSequence(js, BUCKETS.MARKS_ASIDE))());
    d = {
      js,
      registry: loadRegistry(t.paths.registry),
      policy: { policy: loadDefaultPolicy(), problem: undefined },
      consents: new ConsentStore(new JsonKv(await bindKv(js, BUCKETS.CONSENTS))),
      systems: new FamilySystems(new JsonKv<Picture>(await bindKv(js, BUCKETS.PICTURES)), new JsonKv(await bindKv(js, BUCKETS.FS_PERSONS)), new JsonKv(await bindKv(js, BUCKETS.FS_HOUSEHOLDS)), 8),
      marksAside: new MarksAside(asideKv, watch),
      vault: new Vault(keys.vaultKek, kvByteStore(await bindKv(js, BUCKETS.VAULT_KEYS)), kvByteStore(await bindKv(js, BUCKETS.VAULT))),
      audit: new AuditWriter(js),
      log: createLogger({ service: 'test', level: 'silent' }),
      alertLock: new KeyedLock(),
    };
  });
  afterAll(async () => {
    watch?.stop();
    await t?.close();
  });

  /** A stored picture whose foodvalley version 3 shows as unpublished. */
  const stored = async (id: string): Promise<Picture> => {
    const p: Picture = { ...emptyPicture(id), alerts: { foodvalley: { version: 3, contentSha256: 'x', published: 1 } } };
    await d.systems.pictures.cas(id, p, 0);
    return p;
  };
  const alertsSent = async () => (await (await js.jetstreamManager()).streams.info(STREAMS.ALERTS)).state.messages;

  it('does not send again a version whose mark was set aside, and remembers the mark for the picture', async () => {
    const picture = await stored('sys_aside_sent');
    await d.marksAside.store('sys_aside_sent', { foodvalley: 3 });
    const before = await alertsSent();
    await publishAlerts('sys_aside_sent', Date.now(), d, { picture, created: new CreatedVersions() });
    expect(await alertsSent()).toBe(before);
    expect(d.systems.marks.sent('sys_aside_sent', 'foodvalley', 3)).toBe(true); // the picture's next write carries it
  });

  it('sends a version newer than the one set aside', async () => {
    const picture = await stored('sys_aside_older');
    await d.marksAside.store('sys_aside_older', { foodvalley: 2 });
    const before = await alertsSent();
    await publishAlerts('sys_aside_older', Date.now(), d, { picture, created: new CreatedVersions() });
    expect(await alertsSent()).toBe(before + 1);
  });

  it('asks nothing for a system never set aside once the watch caught up, nor for a version the handling created', async () => {
    const created = new CreatedVersions();
    const raise = created.wrap((p) => ({ ...p, alerts: { foodvalley: { version: 4, contentSha256: 'y', published: 1 } } }));
    await stored('sys_aside_mine');
    await d.marksAside.store('sys_aside_mine', { foodvalley: 3 });
    const mine = await d.systems.change('sys_aside_mine', raise);
    const never = await stored('sys_aside_never');
    for (let i = 0; i < 100 && watch.absentUpTo('sys_aside_never.foodvalley') === undefined; i++) await new Promise((r) => setTimeout(r, 20));
    const [before, gets] = [await alertsSent(), asideGets()];
    await publishAlerts('sys_aside_mine', Date.now(), d, { picture: mine, created });
    await publishAlerts('sys_aside_never', Date.now(), d, { picture: never, created: new CreatedVersions() });
    expect(await alertsSent()).toBe(before + 2);
    expect(asideGets()).toBe(gets);
  });

  it('names as created only the versions raised by a wrapped change whose result was stored', () => {
    const created = new CreatedVersions();
    const base: Picture = { ...emptyPicture('sys_c'), alerts: { foodvalley: { version: 1, contentSha256: 'a', published: 1 }, twente: { version: 2, contentSha256: 'b', published: 2 } } };
    const next = created.wrap((p) => ({ ...p, alerts: { ...p.alerts, twente: { version: 3, contentSha256: 'c', published: 2 } } }))(base)!;
    expect([...created.of(next)]).toEqual(['twente']);
    expect([...created.of(base)]).toEqual([]);
    expect(created.wrap(() => undefined)(base)).toBeUndefined();
  });
});
