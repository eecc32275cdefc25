import { createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env, HomePaths } from '@samenhang/config';
import { loadRegistry, verifyRevocationList } from '@samenhang/pki';
import { requireNatsServer } from './nats-binary.js';
import { natsUsers } from './permissions.js';
import { freePort } from './ports.js';
import { renderServerConfig } from './server-config.js';
import { startNatsProcess, type NatsProcess } from './nats-process.js';

/** Identities whose access was revoked as a whole (`samenhang certs --revoke <id>`). */
export async function revokedIdentityIds(paths: HomePaths): Promise<Set<string>> {
  const ca = createPublicKey(readFileSync(paths.caCert));
  const list = await verifyRevocationList(readFileSync(paths.revocations, 'utf8'), ca);
  return new Set(list.revoked.filter((r) => r.scope === 'identity').map((r) => r.id));
}

export interface EmbeddedNats extends NatsProcess {
  readonly port: number;
  readonly monitorPort: number;
}

async function renderEmbedded(paths: HomePaths, port: number, monitorPort: number): Promise<string> {
  return renderServerConfig({
    paths,
    serverName: 'samenhang-0',
    port,
    monitorPort,
    storeDir: paths.natsStore,
    users: natsUsers(loadRegistry(paths.registry), await revokedIdentityIds(paths)),
  });
}

/** Starts the single embedded nats-server of a home on free loopback ports. */
export async function startEmbeddedNats(paths: HomePaths, env: Env, ports?: { port: number; monitorPort: number }): Promise<EmbeddedNats> {
  const binary = requireNatsServer(env);
  const port = ports?.port ?? (await freePort());
  const monitorPort = ports?.monitorPort ?? (await freePort());
  const proc = await startNatsProcess({
    binary,
    configFile: paths.natsConfig,
    config: await renderEmbedded(paths, port, monitorPort),
    port,
    monitorPort,
    logFile: join(paths.logs, 'nats-server.log'),
  });
  return { ...proc, port, monitorPort };
}

/**
 * Rewrites the running server's users from the registry and revocation list and
 * reloads it (SIGHUP): a revoked identity's new connections are refused.
 */
export async function refreshNatsUsers(paths: HomePaths, nats: { pid: number; port: number; monitorPort: number }): Promise<void> {
  writeFileSync(paths.natsConfig, await renderEmbedded(paths, nats.port, nats.monitorPort), { mode: 0o600 });
  process.kill(nats.pid, 'SIGHUP');
}
