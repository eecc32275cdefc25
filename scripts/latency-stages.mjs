// Profiling aid, not part of the product: `node scripts/latency-stages.mjs [rate] [count] [warmup]`
// (after `npm run build`). Starts a stack in a temp home, offers `warmup` ACUTE signals at half
// the rate (not measured: the services' code is then compiled), then `count` at `rate`
// per second and splits each one's ingress-to-alert time into stages by JetStream's own
// timestamps: INGRESS stored → SIGNALS stored (gateway) → ALERTS stored (consent) → received
// by the RVT. docs/history/performance-rounds.md used it. With STAGES_OUT=<file>, one line per
// measured signal (ms since the epoch: sent, ingress stored, SIGNALS stored, ALERTS stored,
// received) for scripts/latency-tail-gc.mjs. With PRELOAD=<n>, n synthetic signals over
// n/10 systems go through the pipeline first, as in `samenhang bench` before its latency run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { homePaths, readEnv } from '../packages/config/dist/index.js';
import { acuteSignals, publishSigned, signWorkload, syntheticWorkload } from '../packages/cli/dist/index.js';
import { startStack } from '../packages/launcher/dist/index.js';
import { connectAs, openFilteredReader } from '../packages/nats/dist/index.js';
import { CONSENT_CONSUMER, STREAMS, subjects } from '../packages/topology/dist/index.js';
import { fromTimestamp, v1 } from '../packages/proto/dist/index.js';

const rate = Number(process.argv[2] ?? 250);
const n = Number(process.argv[3] ?? 1000);
const warmup = Number(process.argv[4] ?? 0);
const root = mkdtempSync(join(tmpdir(), 'samenhang-stages-'));
const paths = homePaths(root);
const stack = await startStack(paths, readEnv());
const conns = [];
const connect = async (identity) => {
  const nc = await connectAs({ paths, servers: stack.servers, identity });
  conns.push(nc);
  return nc;
};
try {
  const items = acuteSignals(warmup + n, { idPrefix: 'stage' });
  const signed = await signWorkload(paths, items);
  const byAgency = new Map();
  for (const s of signed) if (!byAgency.has(s.agency)) byAgency.set(s.agency, await connect(s.agency));
  const preload = Number(process.env.PRELOAD ?? 0);
  if (preload > 0) {
    const load = await signWorkload(
      paths,
      syntheticWorkload({ systems: Math.ceil(preload / 10), perSystem: 10 }).slice(0, preload),
    );
    for (const s of load) if (!byAgency.has(s.agency)) byAgency.set(s.agency, await connect(s.agency));
    const t0 = performance.now();
    await publishSigned(byAgency, load);
    const jsm = await (await connect('broker-admin')).jetstreamManager();
    for (;;) {
      // Nothing pending for the consent service is not enough: the gateway may still be behind it.
      const c = await jsm.consumers.info(STREAMS.SIGNALS, CONSENT_CONSUMER);
      if (c.delivered.stream_seq >= preload && c.num_pending + c.num_ack_pending === 0) break;
      await sleep(100);
    }
    console.log(`preload: ${preload} signals in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const sent = new Map();
  const alerted = new Map(); // signal id → { stored, received } (ms since the epoch)
  const reader = await openFilteredReader(
    await connect('rvt-foodvalley'),
    STREAMS.ALERTS,
    subjects.alerts('foodvalley'),
    { deliver: 'new' },
  );
  const messages = await reader.consumer.consume();
  const following = (async () => {
    for await (const m of messages) {
      const received = Date.now();
      for (const e of v1.HouseholdAlert.decode(m.data).entries) {
        if (!alerted.has(e.signalId)) alerted.set(e.signalId, { stored: m.info.timestampNanos / 1e6, received });
      }
    }
  })();
  const offer = async (from, to, perSecond) => {
    const t0 = performance.now();
    for (let i = from; i < to; i++) {
      const wait = t0 + ((i - from) * 1000) / perSecond - performance.now();
      if (wait > 1) await sleep(wait);
      if (i >= warmup) sent.set(items[i].signal.signalId, Date.now());
      void publishSigned(byAgency, [signed[i]], { window: 1 });
    }
  };
  if (warmup > 0) {
    await offer(0, warmup, rate / 2);
    for (const deadline = Date.now() + 60_000; alerted.size < warmup && Date.now() < deadline; ) await sleep(50);
    await sleep(2_000);
  }
  await offer(warmup, warmup + n, rate);
  for (const deadline = Date.now() + 60_000; alerted.size < warmup + n && Date.now() < deadline; ) await sleep(50);
  messages.stop();
  await following;

  // When the gateway stored each verified signal, and when its ingress message was stored.
  const verified = new Map();
  const signals = await openFilteredReader(await connect('broker-admin'), STREAMS.SIGNALS, 'samenhang.signals.>', {
    deliver: 'all',
  });
  for (;;) {
    let got = 0;
    for await (const m of await signals.consumer.fetch({ max_messages: 1000, expires: 1000 })) {
      got++;
      const s = v1.VerifiedSignal.decode(m.data);
      verified.set(s.signalId, { stored: m.info.timestampNanos / 1e6, ingress: fromTimestamp(s.receivedAt) });
    }
    if (got === 0 || (await signals.consumer.info()).num_pending === 0) break;
  }
  const stages = { 'publish → INGRESS': [], gateway: [], consent: [], 'ALERTS → RVT': [], 'end to end': [] };
  const rows = [];
  for (const [id, at] of sent) {
    const v = verified.get(id);
    const a = alerted.get(id);
    if (!v || !a) continue;
    rows.push([at, v.ingress, v.stored, a.stored, a.received].join(' '));
    stages['publish → INGRESS'].push(v.ingress - at);
    stages.gateway.push(v.stored - v.ingress);
    stages.consent.push(a.stored - v.stored);
    stages['ALERTS → RVT'].push(a.received - a.stored);
    stages['end to end'].push(a.received - at);
  }
  if (process.env.STAGES_OUT) writeFileSync(process.env.STAGES_OUT, `${rows.join('\n')}\n`);
  const pct = (xs, p) =>
    [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]?.toFixed(1);
  console.log(
    `${alerted.size - warmup}/${n} alerted at ${rate}/s after ${warmup} to warm up (ms; clocks of one machine)`,
  );
  for (const [k, xs] of Object.entries(stages))
    console.log(`${k.padEnd(18)} p50 ${pct(xs, 50)}  p90 ${pct(xs, 90)}  p99 ${pct(xs, 99)}`);
} finally {
  await Promise.allSettled(conns.map((c) => c.close()));
  await stack.stop();
  rmSync(root, { recursive: true, force: true });
}
