// Profiling aid, not part of the product: `node scripts/message-floor.mjs [signals] [systems]`
// (after `npm run build`). What the pipeline's NATS traffic costs with nothing else: no
// verification, decision, crypto or JSON work, only the requests, publishes, acks and watch
// deliveries the services make per signal (counted with scripts/nats-request-counts.cjs over
// signals of ten per system, `SHAPE` below; `SHAPE='{...}'` overrides it), with the bench's
// message sizes, on the same nats-server with mutual TLS. Each role runs in its own thread
// with its own connection, as the services run in their own processes. Its rate is the most
// the pipeline could reach on this machine while it sends that much (docs/history/performance-rounds.md).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AckPolicy, DeliverPolicy, StorageType, nanos } from 'nats';
import { homePaths, readEnv } from '../packages/config/dist/index.js';
import { startStack } from '../packages/launcher/dist/index.js';
import { connectAs, consumeConcurrently, consumeInBatches, leanKv } from '../packages/nats/dist/index.js';

/**
 * Per signal, counted over 20,000 signals of ten per system: the gateway writes the
 * index, content and SIGNALS and receipt once, a person record 0.70 and a data key 0.30 times;
 * the consent service reads 0.90 pictures, writes 1.0 picture and 0.80 links, and 0.90 of the
 * signals alert (a disclosure record and an alert). Sizes in bytes: the bench's averages for
 * ingress, signal, receipt, audit and alert; the rest estimated (a picture entry ~1 KB).
 */
const SHAPE = {
  gateway: { personPut: 0.7, keyCreate: 0.3 },
  consent: { pictureGet: 0.9, linkPut: 0.8, alert: 0.9, watchFollowsVault: true },
  audit: { checkpointEvery: 64 },
  bytes: {
    ingress: 638,
    index: 160,
    content: 700,
    person: 300,
    key: 120,
    signal: 503,
    receipt: 227,
    audit: 2771,
    disclosure: 1500,
    alert: 2437,
    pictureEntry: 1060,
    link: 120,
    state: 3000,
  },
  ...JSON.parse(process.env.SHAPE ?? '{}'),
};
const STREAMS = {
  FLOOR_IN: 'floor.in',
  FLOOR_SIG: 'floor.sig',
  FLOOR_RCPT: 'floor.rcpt',
  FLOOR_AUDIT: 'floor.audit.*',
  FLOOR_ALERT: 'floor.alert',
};
const BUCKETS = ['floor_index', 'floor_vault', 'floor_keys', 'floor_pictures', 'floor_links', 'floor_state'];
const bytes = (n) => new Uint8Array(Math.max(1, n)).fill(7);
const quiet = { error: (o) => console.error(o) };

if (isMainThread) {
  const n = Number(process.argv[2] ?? 20_000);
  const systems = Number(process.argv[3] ?? Math.ceil(n / 10));
  const root = mkdtempSync(join(tmpdir(), 'samenhang-floor-'));
  const paths = homePaths(root);
  const stack = await startStack(paths, readEnv(), { services: [] });
  try {
    const admin = await connectAs({ paths, servers: stack.servers, identity: 'broker-admin' });
    const jsm = await admin.jetstreamManager();
    for (const [name, subject] of Object.entries(STREAMS))
      await jsm.streams.add({
        name,
        subjects: [subject],
        storage: StorageType.File,
        duplicate_window: nanos(3_600_000),
      });
    for (const b of BUCKETS) await admin.jetstream().views.kv(b, { history: 1, storage: StorageType.File });
    const durable = {
      max_ack_pending: 1024,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(10_000),
    };
    await jsm.consumers.add('FLOOR_IN', { durable_name: 'gw', ...durable });
    await jsm.consumers.add('FLOOR_SIG', { durable_name: 'consent', ...durable });
    await jsm.consumers.add('FLOOR_AUDIT', { durable_name: 'audit', ...durable, max_ack_pending: 256 });
    const decided = new Int32Array(new SharedArrayBuffer(4));
    const workers = ['gateway', 'consent', 'audit'].map(
      (role) =>
        new Worker(new URL(import.meta.url), { workerData: { role, paths, servers: stack.servers, systems, decided } }),
    );
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((ok, no) => {
            w.once('message', ok);
            w.once('error', no);
          }),
      ),
    );
    const ingress = bytes(SHAPE.bytes.ingress);
    const js = admin.jetstream();
    // CPU seconds of nats-server so far (utime + stime in clock ticks of 1/100 s).
    const natsCpu = () =>
      readFileSync(`/proc/${stack.nats.pid}/stat`, 'utf8')
        .split(') ')[1]
        .split(' ')
        .slice(11, 13)
        .reduce((a, x) => a + Number(x), 0) / 100;
    const cpu0 = natsCpu();
    for (const w of workers) w.postMessage('start');
    const t0 = performance.now();
    for (let i = 0; i < n; i += 256)
      await Promise.all(Array.from({ length: Math.min(256, n - i) }, () => js.publish('floor.in', ingress)));
    while (Atomics.load(decided, 0) < n) await sleep(20);
    const s = (performance.now() - t0) / 1000;
    const nats = natsCpu() - cpu0;
    // Each role's event loop: the share of the time it was busy, as CPU ms per signal.
    const busy = await Promise.all(
      workers.map(
        (w) =>
          new Promise((ok) => {
            w.once('message', ok);
            w.postMessage('elu');
          }),
      ),
    );
    const perSignal = (cpuS) => ((cpuS * 1000) / n).toFixed(3);
    console.log(`${n} signals over ${systems} systems: ${s.toFixed(1)} s, ${Math.round(n / s)} signals/s`);
    console.log(
      `CPU ms a signal: nats-server ${perSignal(nats)}, ${busy.map((b) => `${b.role} ${perSignal(b.utilization * s)}`).join(', ')}`,
    );
    if (process.env.SHAPE) console.log(`shape ${JSON.stringify(SHAPE)}`);
    await Promise.all(workers.map((w) => w.terminate()));
    await admin.close();
  } finally {
    await stack.stop();
    rmSync(root, { recursive: true, force: true });
  }
} else {
  const { role, paths, servers, systems, decided } = workerData;
  const nc = await connectAs({ paths, servers, identity: 'broker-admin' });
  const js = nc.jetstream();
  const kv = async (b) => leanKv(nc, await js.views.kv(b), b, true);
  const B = SHAPE.bytes;
  // Deterministic "random" choices, so that every run sends the same messages.
  const chance = (seq, salt, p) => ((seq * 2654435761 + salt * 40503) >>> 0) % 1000 < p * 1000;
  if (role === 'gateway') {
    const [index, vault, keys] = await Promise.all(['floor_index', 'floor_vault', 'floor_keys'].map(kv));
    await consumeConcurrently(
      await js.consumers.get('FLOOR_IN', 'gw'),
      64,
      async (m) => {
        await index.create(`i${m.seq}`, bytes(B.index));
        await Promise.all([
          vault.put(`signal.${m.seq}`, bytes(B.content)),
          chance(m.seq, 1, SHAPE.gateway.personPut) ? vault.put(`person.${m.seq}`, bytes(B.person)) : undefined,
          chance(m.seq, 2, SHAPE.gateway.keyCreate) ? keys.create(`k${m.seq}`, bytes(B.key)) : undefined,
        ]);
        await js.publish('floor.sig', bytes(B.signal), { msgID: `s${m.seq}` });
        await js.publish('floor.rcpt', bytes(B.receipt), { msgID: `r${m.seq}` });
        m.ack();
      },
      quiet,
    );
  } else if (role === 'consent') {
    const [pictures, links] = await Promise.all(['floor_pictures', 'floor_links'].map(kv));
    if (SHAPE.consent.watchFollowsVault) {
      // The consent service follows the vault's writes (values included) as they happen.
      for (const b of ['floor_vault', 'floor_keys']) {
        const watch = await (await js.views.kv(b)).watch({ include: 'updates_only' });
        void (async () => {
          for await (const e of watch) void e;
        })();
      }
    }
    await consumeConcurrently(
      await js.consumers.get('FLOOR_SIG', 'consent'),
      64,
      async (m) => {
        const system = `p${m.seq % systems}`;
        const entries = Math.min(10, Math.floor((m.seq - 1) / systems) + 1);
        if (chance(m.seq, 3, SHAPE.consent.pictureGet)) await pictures.get(system);
        await js.publish('floor.audit.decisions', bytes(B.audit), { msgID: `d${m.seq}` });
        if (chance(m.seq, 4, SHAPE.consent.linkPut)) await links.put(`l${m.seq}`, bytes(B.link));
        await pictures.put(system, bytes(B.pictureEntry * entries));
        if (chance(m.seq, 5, SHAPE.consent.alert)) {
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
        if (records >= SHAPE.audit.checkpointEvery) {
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
  let elu;
  parentPort.on('message', (msg) => {
    if (msg === 'start') elu = performance.eventLoopUtilization();
    else parentPort.postMessage({ role, utilization: performance.eventLoopUtilization(elu).utilization });
  });
  parentPort.postMessage('ready');
}
