// broker-gateway: verifies, validates and pseudonymises every ingress envelope and
// answers each with exactly one receipt. This file only wires the parts together.
import { readEnv } from '@samenhang/config';
import { createLogger } from '@samenhang/logging';
import { CertStore, loadRegistry } from '@samenhang/pki';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { DEFAULT_LIMITS } from '@samenhang/signal';
import { BUCKETS, GATEWAY_CONSUMER, STREAMS, bindKv, connectAs, consumeConcurrently, exitGracefully, kvByteStore, loadBrokerKeys, serialWrites, serveHealth } from '@samenhang/stack';
import { Vault } from '@samenhang/vault';
import { loadGatewayConfig } from './config.js';
import { handleIngress } from './handle-ingress.js';
import { RevocationWatch } from './revocation-watch.js';
import { SignalIndex } from './signal-index.js';

async function main(): Promise<void> {
  const { config, paths } = loadGatewayConfig(readEnv(), process.cwd());
  const log = createLogger({ service: 'broker-gateway', level: config.logLevel });
  const registry = loadRegistry(paths.registry);
  const certs = CertStore.load(paths.caCert, paths.identities, registry);
  const keys = loadBrokerKeys(paths);
  const revocations = new RevocationWatch(paths);
  await revocations.refresh(true);
  revocations.isRevoked('0'.repeat(64)); // fail at start-up, not per message, if the list is bad

  const nc = await connectAs({ paths, servers: config.servers, identity: 'broker-gateway' });
  const js = nc.jetstream();
  const [indexKv, vaultKv, keysKv] = await Promise.all([BUCKETS.SIGNAL_INDEX, BUCKETS.VAULT, BUCKETS.VAULT_KEYS].map(async (b) => serialWrites(await bindKv(js, b))));
  const deps = {
    js,
    check: {
      certs,
      registry,
      isRevoked: revocations.isRevoked,
      maxEnvelopeBytes: config.maxEnvelopeBytes,
      limits: { ...DEFAULT_LIMITS, maxSummaryChars: config.maxSummaryChars },
    },
    index: new SignalIndex(indexKv!),
    pseudonyms: createPseudonymizer(keys.pseudonymMaster),
    // Data keys remembered for 60 s (every signal names one to three persons): after an
    // erasure, content written within that minute is under the erased key, so unreadable.
    // 40,000 of them (~250 B each), as in the consent service: a person named again within
    // the minute is not read and unwrapped again.
    vault: new Vault(keys.vaultKek, kvByteStore(keysKv!), kvByteStore(vaultKv!), 60_000, 40_000),
    log,
    maxInternalRetries: 5,
  };
  const consumer = await js.consumers.get(STREAMS.INGRESS, GATEWAY_CONSUMER);
  const refresher = setInterval(() => void revocations.refresh(), 1000);
  const consumption = await consumeConcurrently(consumer, config.concurrency, (m) => handleIngress(m, deps), log);
  const health = await serveHealth(nc, { service: 'broker-gateway', instance: config.instance, consumption });
  log.info({ certificates: certs.size }, 'broker-gateway ready');
  process.send?.({ ready: 'broker-gateway' });

  exitGracefully({ log, consumption, nc, health, before: () => clearInterval(refresher) });
}

main().catch((e: unknown) => {
  // Start-up failures (bad config, missing PKI or keys) are fatal and say why.
  const err = e as { code?: string; message?: string };
  process.stderr.write(`broker-gateway: ${err.code ?? 'ERR_INTERNAL'}: ${err.message ?? String(e)}\n`);
  process.exit(1);
});
