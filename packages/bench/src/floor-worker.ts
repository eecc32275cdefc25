// One role of the message floor (the gateway's, the consent service's or the audit service's
// place) in a thread of its own with its own connection, as the services run in their own
// processes: the same requests, publishes, acks and watch deliveries per signal, no other work.
import { parentPort, workerData } from 'node:worker_threads';
import { KvWatchInclude, type KV } from 'nats';
import type { HomePaths } from '@samenhang/config';
import { connectAs, consumeConcurrently, consumeInBatches, leanKv } from '@samenhang/nats';
import { FLOOR_SHAPE, type FloorBytes } from './floor-shape.js';

export interface FloorWorkerData {
  readonly role: 'gateway' | 'consent' | 'audit';
  readonly paths: HomePaths;
  readonly servers: readonly string[];
  readonly systems: number;
  readonly bytes: FloorBytes;
  /** Signals the consent role has handled, shared with the bench. */
  readonly decided: Int32Array;
}

const { role, paths, servers, systems, bytes: B, decided } = workerData as FloorWorkerData;
const S = FLOOR_SHAPE;
const quiet = { error: () => undefined };
const bytes = (n: number) => new Uint8Array(Math.max(1, n)).fill(7);
// Deterministic choices, so that every run sends the same messages.
const chance = (seq: number, salt: number, p: number) => ((seq * 2654435761 + salt * 40503) >>> 0) % 1000 < p * 1000;

const nc = await connectAs({ paths, servers, identity: 'broker-admin' });
const js = nc.jetstream();
const kv = async (b: string): Promise<KV> => leanKv(nc, await js.views.kv(b), b, true);

if (role === 'gateway') {
  const [index, vault, keys] = await Promise.all(['floor_index', 'floor_vault', 'floor_keys'].map(kv));
  await consumeConcurrently(
    await js.consumers.get('FLOOR_IN', 'gw'),
    64,
    async (m) => {
      await index.create(`i${m.seq}`, bytes(B.index));
      await Promise.all([
        vault.put(`signal.${m.seq}`, bytes(B.content)),
        chance(m.seq, 1, S.personPut) ? vault.put(`person.${m.seq}`, bytes(B.person)) : undefined,
        chance(m.seq, 2, S.keyCreate) ? keys.create(`k${m.seq}`, bytes(B.key)) : undefined,
      ]);
      await js.publish('floor.sig', bytes(B.signal), { msgID: `s${m.seq}` });
      await js.publish('floor.rcpt', bytes(B.receipt), { msgID: `r${m.seq}` });
      m.ack();
    },
    quiet,
  );
} else if (role === 'consent') {
  const [pictures, links] = await Promise.all(['floor_pictures', 'floor_links'].map(kv));
  // The consent service follows the vault's writes (values included) as they happen.
  for (const b of ['floor_vault', 'floor_keys']) {
    const watch = await (await js.views.kv(b)).watch({ include: KvWatchInclude.UpdatesOnly });
    void (async () => {
      for await (const e of watch) void e;
    })();
  }
  await consumeConcurrently(
    await js.consumers.get('FLOOR_SIG', 'consent'),
    64,
    async (m) => {
      const system = `p${m.seq % systems}`;
      const entries = Math.min(10, Math.floor((m.seq - 1) / systems) + 1);
      if (chance(m.seq, 3, S.pictureGet)) await pictures.get(system);
      await js.publish('floor.audit.decisions', bytes(B.audit), { msgID: `d${m.seq}` });
      if (chance(m.seq, 4, S.linkPut)) await links.put(`l${m.seq}`, bytes(B.link));
      await pictures.put(system, bytes(B.pictureEntry * entries));
      if (chance(m.seq, 5, S.alert)) {
        await js.publish('floor.audit.disclosures', bytes(B.disclosure), { msgID: `x${m.seq}` });
        await js.publish('floor.alert', bytes(B.alert), { msgID: `a${m.seq}` });
      }
      m.ack();
      Atomics.add(decided, 0, 1);
    },
    quiet,
  );
} else {
  const state = await kv('floor_state');
  let records = 0;
  await consumeInBatches(
    await js.consumers.get('FLOOR_AUDIT', 'audit'),
    256,
    async (batch) => {
      await state.put('log', bytes(B.state));
      for (const m of batch) m.ack();
      records += batch.length;
      if (records >= S.checkpointEvery) {
        records = 0;
        await state.put('log', bytes(B.state));
        await js.publish('floor.audit.checkpoints', bytes(1000));
        await state.put('log', bytes(B.state));
      }
    },
    quiet,
    20,
  );
}
parentPort!.postMessage('ready');
