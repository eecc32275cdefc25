// consent: decides per signal what the region's RVT may see, keeps family-system
// pictures and sends alerts. This file only wires the parts together.
import type { KV } from 'nats';
import { readEnv } from '@samenhang/config';
import type { ConsentFact } from '@samenhang/decision';
import { createLogger } from '@samenhang/logging';
import { loadRegistry } from '@samenhang/pki';
import { createPseudonymizer } from '@samenhang/pseudonym';
import {
  BloomKeys,
  bindKv,
  bucketLastSequence,
  connectAs,
  consumeConcurrently,
  ChangeWatch,
  KeyedLock,
  KeyWatch,
  kvByteStore,
  serialWrites,
  serveHealth,
  type KeySet,
} from '@samenhang/nats';
import { exitGracefully, loadBrokerKeys } from '@samenhang/service-base';
import { BUCKETS, CONSENT_CONSUMER, STREAMS, subjects } from '@samenhang/topology';
import { cacheReads, Vault, vaultFreshness } from '@samenhang/vault';
import { AuditWriter } from './deciding/audit-records.js';
import { loadConsentConfig } from './config.js';
import { ConsentStore } from './deciding/consent-store.js';
import type { ConsentDeps } from './deps.js';
import { FamilySystems, type HouseholdLink } from './family/systems.js';
import { handleMessage } from './handle-message.js';
import { JsonKv } from './family/kv-json.js';
import { answerPicture, responderIdentity } from './alerts/picture-request.js';
import { answerErasure } from './erasure-request.js';
import { holdPolicy } from './deciding/policy-holder.js';
import { startExpirySweeper } from './expiry/sweeper.js';
import { expiryStamp } from './expiry/stamp.js';
import { StreamPosition } from './stream-position.js';
import { startMemoryValve } from './memory-valve.js';

async function main(): Promise<void> {
  const { config, paths } = loadConsentConfig(readEnv(), process.cwd());
  const log = createLogger({ service: 'consent', level: config.logLevel });
  const registry = loadRegistry(paths.registry);
  const keys = loadBrokerKeys(paths);
  const policy = holdPolicy(config.policyFile, config.policySha256);
  if (policy.problem)
    log.error({ problem: policy.problem }, 'no valid policy: every signal is decided DENY (R0, fail closed)');
  else log.info({ version: policy.policy!.policyVersion, digest: policy.policy!.digest }, 'policy loaded');

  const nc = await connectAs({ paths, servers: config.servers, identity: 'consent' });
  const jsm = await nc.jetstreamManager(); // erasures: secure deletes of vault records
  const js = nc.jetstream();
  const kv = async (b: string) => serialWrites(await bindKv(js, b));
  // Where the consents bucket stands: a signal's consent re-check asks it, shared, instead of re-reading.
  const consentsAt = new StreamPosition(await bucketLastSequence(js, BUCKETS.CONSENTS));
  const consentsKv = await kv(BUCKETS.CONSENTS);
  // Which keys were ever written, followed: most signals' subjects have no consent, and an
  // ACUTE signal is mostly about a new person at a new address; their keys are then not read.
  // Consents are few (every key kept); persons and addresses many (a Bloom filter, 1 MiB each).
  const follow = async (bucket: string, bucketKv: KV, keys: KeySet, at?: number) =>
    KeyWatch.follow(bucketKv, at ?? (await (await bucketLastSequence(js, bucket))()), keys, (err) =>
      log.warn({ err, bucket }, 'keys watch ended: every key is read from the server'),
    );
  const consentKeys = await follow(BUCKETS.CONSENTS, consentsKv, new Set(), await consentsAt.fresh());
  const personsKv = await kv(BUCKETS.FS_PERSONS);
  const householdsKv = await kv(BUCKETS.FS_HOUSEHOLDS);
  const personKeys = await follow(BUCKETS.FS_PERSONS, personsKv, new BloomKeys());
  const householdKeys = await follow(BUCKETS.FS_HOUSEHOLDS, householdsKv, new BloomKeys());
  // Erasures (a purged data key) followed: a remembered key is then valid until its purge is
  // seen, instead of being read again every minute (1.4 reads per signal at the defaults).
  let erasures: ChangeWatch | undefined;
  const keysKv = await kv(BUCKETS.VAULT_KEYS);
  // Vault records followed too: a remembered person record stays valid until a watch reports
  // it written again (a corrected name), instead of being read again every minute.
  let recordChanges: ChangeWatch | undefined;
  const vaultKv = await kv(BUCKETS.VAULT);
  const vaultReads = cacheReads(kvByteStore(vaultKv, undefined, jsm), {
    freshness: vaultFreshness(60_000),
    maxBytes: 40_000_000,
    followed: (key) => key.startsWith('person.') && (recordChanges?.following ?? false),
  });
  const consentMemory = new JsonKv<ConsentFact[]>(consentsKv, 20_000, () => consentsAt.last, consentKeys);
  const personMemory = new JsonKv<{ systemId: string }>(personsKv, 60_000, undefined, personKeys);
  const householdMemory = new JsonKv<HouseholdLink>(householdsKv, 30_000, undefined, householdKeys);
  const deps: ConsentDeps = {
    js,
    registry,
    policy,
    // Memory sizes (entries): over 200,000 systems every memory fills. Persons and addresses
    // are small and read for every signal. Consents are read only for persons who have any
    // (KeyWatch), so their memory holds those, and what a re-check read.
    // A picture (~11 KB of JSON) is read several times within one signal's handling, but a
    // system's next signal is usually minutes away: 512 pictures were no faster than 128 at
    // 300,000 signals. Heap and RSS: docs/history/performance-rounds.md.
    consents: new ConsentStore(consentMemory, consentsAt),
    systems: new FamilySystems(
      // Each write stamped with what the expiry sweep needs to know when it is due (expiry-stamp.ts).
      new JsonKv(await kv(BUCKETS.PICTURES), 128, undefined, undefined, expiryStamp),
      personMemory,
      householdMemory,
      policy.policy?.linking.maxPersonsPerAddress ?? 8,
    ),
    // Alerts re-read every entry they show. Person records are remembered until a change is
    // seen, data keys until an erasure is seen (both within 60 s should a watch end); signal
    // contents never change. Only sealed bytes are remembered: opening them still needs the
    // key. 40 MB of them (keys and overhead counted; ~75,000 bench records), in eight
    // generations: a system's entries survive a round of the others.
    // 40,000 data keys (~250 B each): a system's three keys survive until its next signal.
    vault: new Vault(keys.vaultKek, kvByteStore(keysKv, undefined, jsm), vaultReads, {
      keyCacheMs: 60_000,
      keyCacheMax: 40_000,
      keysFollowed: () => erasures?.following ?? false,
    }),
    audit: new AuditWriter(js),
    log,
    alertLock: new KeyedLock(),
  };
  // Both watches hand over what was written: a new person's data key, a person's record and a
  // signal's content are then in memory before the signal they belong to is handled, and its
  // alert reads none of them (three requests an ACUTE signal).
  erasures = await ChangeWatch.follow(
    keysKv,
    (c) => (c.value ? deps.vault.keySeen(c.key, c.value) : c.removed && deps.vault.keyRemoved(c.key)),
    {
      values: true,
      onEnd: (err) => log.warn({ err }, 'erasures watch ended: data keys are read again every minute'),
    },
  );
  recordChanges = await ChangeWatch.follow(
    vaultKv,
    (c) => (c.value ? vaultReads.seen(c.key, c.value) : vaultReads.changed(c.key)),
    {
      values: true,
      onEnd: (err) => log.warn({ err }, 'vault records watch ended: person records are read again every minute'),
    },
  );
  const pseudonyms = createPseudonymizer(keys.pseudonymMaster);
  // Pictures are answered through the responder identity, which may publish only into the
  // inboxes of those who may ask: a requester's reply subject cannot steer this service's writes.
  const responder = await connectAs({ paths, servers: config.servers, identity: responderIdentity(registry) });
  const pictures = responder.subscribe('samenhang.picture.*', { queue: 'consent' });
  void (async () => {
    for await (const m of pictures) {
      const region = m.subject.split('.')[2]!;
      await answerPicture(m, region, pseudonyms, deps).catch((e: unknown) =>
        log.error({ err: e, region }, 'picture request failed'),
      );
    }
  })();
  // Erasures are asked of any one instance (the operator's CLI, the console for the privacy officer).
  const erasureRequests = nc.subscribe(subjects.erasure, { queue: 'consent' });
  void (async () => {
    for await (const m of erasureRequests) {
      await answerErasure(m, deps).catch((e: unknown) => log.error({ err: e }, 'erasure request failed'));
    }
  })();
  const consumer = await js.consumers.get(STREAMS.SIGNALS, CONSENT_CONSUMER);
  const consumption = await consumeConcurrently(consumer, config.concurrency, (m) => handleMessage(m, deps), log);
  const stopSweeper = startExpirySweeper(config.expirySweepMs, deps);
  // Every memory full at once (1,000,000 signals over 200,000 systems) ran the heap out:
  // when a full collection leaves it close to its limit, the memories give up their older half.
  const stopValve = startMemoryValve(
    () => ({
      records: vaultReads.shrink(),
      dataKeys: deps.vault.shrinkMemory(),
      persons: personMemory.shrink(),
      households: householdMemory.shrink(),
      consents: consentMemory.shrink(),
      pictures: deps.systems.shrink(),
    }),
    log,
  );
  // Without a valid policy the service runs, but fails closed: not ready.
  const health = await serveHealth(nc, {
    service: 'consent',
    instance: config.instance,
    consumption,
    checks: () => ({ policy: policy.problem ? `fail-closed (${policy.problem.split(':')[0]})` : 'ok' }),
  });
  log.info({}, 'consent ready');
  process.send?.({ ready: 'consent' });

  exitGracefully({
    log,
    consumption,
    nc,
    health,
    before: () => {
      stopSweeper();
      stopValve();
      for (const k of [consentKeys, personKeys, householdKeys, erasures!, recordChanges!]) k.stop();
      pictures.unsubscribe();
      erasureRequests.unsubscribe();
      void responder.drain();
    },
  });
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string };
  process.stderr.write(`consent: ${err.code ?? 'ERR_INTERNAL'}: ${err.message ?? String(e)}\n`);
  process.exit(1);
});
