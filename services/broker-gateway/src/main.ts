// broker-gateway: verifies, validates and pseudonymises every ingress envelope and
// answers each with exactly one receipt. This file only wires the parts together.
import { readEnv } from '@samenhang/config';
import { createLogger } from '@samenhang/logging';
import { connectAs, consumeConcurrently, serveHealth } from '@samenhang/nats';
import { exitGracefully } from '@samenhang/service-base';
import { GATEWAY_CONSUMER, STREAMS } from '@samenhang/topology';
import { loadGatewayConfig } from './config.js';
import { gatewayDeps, loadGatewayFiles } from './deps.js';
import { handleIngress } from './handle-ingress.js';
import { RevocationWatch } from './revocation-watch.js';

async function main(): Promise<void> {
  const { config, paths } = loadGatewayConfig(readEnv(), process.cwd());
  const log = createLogger({ service: 'broker-gateway', level: config.logLevel });
  const files = loadGatewayFiles(paths, config.regionTableFile);
  const revocations = new RevocationWatch(paths);
  await revocations.refresh(true);
  revocations.isRevoked('0'.repeat(64)); // fail at start-up, not per message, if the list is bad

  const nc = await connectAs({ paths, servers: config.servers, identity: 'broker-gateway' });
  const deps = await gatewayDeps(nc, files, config, revocations, log);
  const consumer = await deps.js.consumers.get(STREAMS.INGRESS, GATEWAY_CONSUMER);
  const refresher = setInterval(() => void revocations.refresh(), 1000);
  const consumption = await consumeConcurrently(consumer, config.concurrency, (m) => handleIngress(m, deps), log);
  const health = await serveHealth(nc, { service: 'broker-gateway', instance: config.instance, consumption });
  log.info({ certificates: files.certs.size }, 'broker-gateway ready');
  process.send?.({ ready: 'broker-gateway' });

  exitGracefully({
    log,
    consumption,
    nc,
    health,
    before: () => {
      clearInterval(refresher);
      deps.stop();
    },
  });
}

main().catch((e: unknown) => {
  // Start-up failures (bad config, missing PKI or keys) are fatal and say why.
  const err = e as { code?: string; message?: string };
  process.stderr.write(`broker-gateway: ${err.code ?? 'ERR_INTERNAL'}: ${err.message ?? String(e)}\n`);
  process.exit(1);
});
