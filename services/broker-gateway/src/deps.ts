import type { NatsConnection } from 'nats';
import type { HomePaths } from '@samenhang/config';
import type { Logger } from '@samenhang/logging';
import { CertStore, loadRegistry } from '@samenhang/pki';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { DEFAULT_LIMITS, DEFAULT_REGION_TABLE_FILE, loadRegionTable, type RegionTable } from '@samenhang/signal';
import {
  BloomKeys,
  ChangeWatch,
  KeyWatch,
  bindKv,
  bucketLastSequence,
  kvByteStore,
  serialWrites,
} from '@samenhang/nats';
import { loadBrokerKeys } from '@samenhang/service-base';
import { BUCKETS } from '@samenhang/topology';
import { Vault } from '@samenhang/vault';
import type { GatewayConfig } from './config.js';
import type { IngressDeps } from './handle-ingress.js';
import { ingressHolds } from './published.js';
import type { RevocationWatch } from './revocation-watch.js';
import { SignalIndex } from './signal-index.js';

export interface GatewayFiles {
  readonly registry: ReturnType<typeof loadRegistry>;
  readonly regions: RegionTable;
  readonly certs: CertStore;
  readonly keys: ReturnType<typeof loadBrokerKeys>;
}

/** Registry, region table, certificates and broker keys, read before connecting: a bad file stops start-up at once. */
export function loadGatewayFiles(paths: HomePaths, regionTableFile = DEFAULT_REGION_TABLE_FILE): GatewayFiles {
  const registry = loadRegistry(paths.registry);
  return {
    registry,
    regions: loadRegionTable(regionTableFile, registry.regions),
    certs: CertStore.load(paths.caCert, paths.identities, registry),
    keys: loadBrokerKeys(paths),
  };
}

/** Everything `handleIngress` works with, bound to one connection (main.ts, and tests that drive a handler directly). */
export async function gatewayDeps(
  nc: NatsConnection,
  { registry, regions, certs, keys }: GatewayFiles,
  config: Pick<GatewayConfig, 'maxEnvelopeBytes' | 'maxSummaryChars'>,
  revocations: Pick<RevocationWatch, 'isRevoked'>,
  log: Logger,
): Promise<IngressDeps & { readonly stop: () => void }> {
  const js = nc.jetstream();
  const jsm = await nc.jetstreamManager();
  const [indexKv, vaultKv, keysKv] = await Promise.all(
    [BUCKETS.SIGNAL_INDEX, BUCKETS.VAULT, BUCKETS.VAULT_KEYS].map(async (b) => serialWrites(await bindKv(js, b))),
  );
  // Which persons have a data key, followed (a Bloom filter, 1 MiB): a new person's key is
  // created without a read first (at 500 new persons a second, one request and one 404 each).
  // It also reports erasures (a purged key): a remembered key is valid until then, instead of
  // being read again every minute (0.4 reads per signal at the defaults).
  let vault: Vault | undefined;
  const keyWatch = await KeyWatch.follow(
    keysKv!,
    await (await bucketLastSequence(js, BUCKETS.VAULT_KEYS))(),
    new BloomKeys(),
    (err) => log.warn({ err }, 'data keys watch ended: every key is read before it is created, and again every minute'),
    (key) => vault?.keyRemoved(key),
  );
  // Person records followed: one this gateway stored is not stored again, unchanged, until
  // the watch reports another write of it (0.8 writes per signal at the defaults were rewrites).
  const personChanges = await ChangeWatch.follow(vaultKv!, (c) => vault?.recordChanged(c.key, c.revision), {
    key: 'person.>',
    onEnd: (err) => log.warn({ err }, 'person records watch ended: unchanged records are written again every minute'),
  });
  vault = new Vault(keys.vaultKek, kvByteStore(keysKv!, keyWatch), kvByteStore(vaultKv!), {
    keyCacheMs: 60_000,
    keyCacheMax: 60_000,
    keysFollowed: () => keyWatch.following,
    recordsFollowed: () => personChanges.following,
  });
  return {
    js,
    check: {
      certs,
      registry,
      regions,
      isRevoked: revocations.isRevoked,
      maxEnvelopeBytes: config.maxEnvelopeBytes,
      limits: { ...DEFAULT_LIMITS, maxSummaryChars: config.maxSummaryChars },
    },
    index: new SignalIndex(indexKv!),
    ingressHolds: (seq: number) => ingressHolds(jsm, seq),
    pseudonyms: createPseudonymizer(keys.pseudonymMaster),
    // Data keys remembered until the watch sees them purged, or for 60 s should it end (every
    // signal names one to three persons): content written after an erasure but before it was
    // seen is under the erased key, so unreadable. 60,000 of them (~250 B each, 15 MB): at the
    // bench defaults a person is named again ~36,000 keys later (40,000 re-read 0.3 a signal).
    vault,
    log,
    maxInternalRetries: 5,
    stop: () => (keyWatch.stop(), personChanges.stop()),
  };
}
