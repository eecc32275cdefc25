// audit: appends every audit record to a Merkle log (RFC 9162) and signs checkpoints.
// This file only wires the parts together.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { identityFiles, readEnv } from '@samenhang/config';
import { createLogger } from '@samenhang/logging';
import { bindKv, connectAs, consumeInBatches, retryTransient, serveHealth } from '@samenhang/nats';
import { exitGracefully } from '@samenhang/service-base';
import { AUDIT_BATCH, AUDIT_CONSUMER, AUDIT_LINGER_MS, BUCKETS, STREAMS } from '@samenhang/topology';
import { Appender } from './appender.js';
import { loadAuditConfig } from './config.js';
import { LogHealth } from './log-health.js';
import { LogStore } from './log-state.js';

async function main(): Promise<void> {
  const { config, paths } = loadAuditConfig(readEnv(), process.cwd());
  const log = createLogger({ service: 'audit', level: config.logLevel });
  const files = identityFiles(paths, 'audit');
  const signer = { key: createPrivateKey(readFileSync(files.key)), certPem: readFileSync(files.cert, 'utf8') };
  const nc = await connectAs({ paths, servers: config.servers, identity: 'audit' });
  const js = nc.jetstream();
  const store = new LogStore(await bindKv(js, BUCKETS.AUDIT_STATE));
  const jsm = await nc.jetstreamManager();
  const streamAt = (seq: number) =>
    jsm.streams.getMessage(STREAMS.AUDIT, { seq }).catch((e: unknown) => {
      if (/no message found/i.test((e as Error).message)) return undefined;
      throw e;
    });
  const appender = new Appender(store, js, signer, config.checkpointEvery, log, streamAt);
  // Checked before anything is appended; a server still starting up is waited for.
  await retryTransient(() => appender.verify());
  const consumer = await js.consumers.get(STREAMS.AUDIT, AUDIT_CONSUMER);
  // Batches of what arrived meanwhile (waiting AUDIT_LINGER_MS for more): one state write per batch, not per record.
  const consumption = await consumeInBatches(
    consumer,
    AUDIT_BATCH,
    (batch) => appender.handleBatch(batch),
    log,
    AUDIT_LINGER_MS,
  );
  // Each tick: a checkpoint when one is due, the state checked against the stream, and what readiness says.
  const logHealth = new LogHealth(config.checkpointMs);
  let checks: Record<string, string> = {
    log: appender.problem ? `stopped: ${appender.problem}` : 'ok',
    checkpoint: 'ok',
  };
  const tick = async () => {
    await appender.checkpoint(config.checkpointMs);
    await appender.verify();
    const info = await consumer.info(true);
    checks = logHealth.observe({
      now: Date.now(),
      problem: appender.problem,
      uncoveredSince: appender.uncoveredSince,
      lastSeq: appender.lastSeq,
      waiting: info.num_pending + info.num_ack_pending,
    });
  };
  const timer = setInterval(
    () => void tick().catch((e: unknown) => log.warn({ err: e }, 'checkpoint or state check failed')),
    Math.min(1000, config.checkpointMs),
  );
  const health = await serveHealth(nc, {
    service: 'audit',
    instance: config.instance,
    consumption,
    checks: () => checks,
  });
  log.info({ treeSize: appender.size }, 'audit ready');
  process.send?.({ ready: 'audit' });
  exitGracefully({
    log,
    consumption,
    nc,
    health,
    // A final checkpoint on shutdown, so every record ends up covered by a signature.
    before: () => clearInterval(timer),
    final: () => appender.checkpoint(0),
  });
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string };
  process.stderr.write(`audit: ${err.code ?? 'ERR_INTERNAL'}: ${err.message ?? String(e)}\n`);
  process.exit(1);
});
