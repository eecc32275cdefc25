import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { homePaths, type Env, type HomePaths } from '@samenhang/config';
import { ensurePki } from '@samenhang/certs-dev';
import { loadRegistry } from '@samenhang/pki';
import { EXIT, usageError, out } from '../output.js';
import { renderServerConfig } from '@samenhang/launcher';
import { connectAs } from '@samenhang/nats';
import { ensureBrokerKeys, readStackInfo } from '@samenhang/service-base';
import { ensureStreams, natsUsers, revokedIdentityIds } from '@samenhang/topology';

/** Where docker-compose.yml mounts the home (PKI, broker keys) in every container. */
export const CONTAINER_HOME = '/samenhang';
export const DEPLOY_NODES = ['nats-1', 'nats-2', 'nats-3'] as const;

/** One node's configuration for the compose cluster: container paths, all interfaces, routes to the others. */
export async function deployNodeConfig(paths: HomePaths, node: (typeof DEPLOY_NODES)[number]): Promise<string> {
  return renderServerConfig({
    paths: homePaths(CONTAINER_HOME),
    serverName: node,
    host: '0.0.0.0',
    port: 4222,
    monitorPort: 8222,
    storeDir: '/data/jetstream',
    users: natsUsers(loadRegistry(paths.registry), await revokedIdentityIds(paths)),
    cluster: {
      name: 'samenhang',
      port: 6222,
      routes: DEPLOY_NODES.filter((n) => n !== node).map((n) => `nats-route://${n}:6222`),
    },
  });
}

/**
 * `samenhang deploy --out <dir>`: what docker-compose.yml mounts — `<dir>/home` (PKI,
 * broker keys; created on first use) and `<dir>/nats-<n>.conf` for the three nodes.
 */
export async function deploy(flags: { out?: string }): Promise<number> {
  if (!flags.out) throw usageError('needs --out <dir>, e.g. --out deploy');
  const dir = resolve(flags.out);
  const paths = homePaths(join(dir, 'home'));
  await ensurePki(paths);
  ensureBrokerKeys(paths);
  mkdirSync(dir, { recursive: true });
  for (const node of DEPLOY_NODES)
    writeFileSync(join(dir, `${node}.conf`), await deployNodeConfig(paths, node), { mode: 0o644 });
  out(
    `deployment files in ${dir}: home/ (PKI, broker keys) and ${DEPLOY_NODES.map((n) => `${n}.conf`).join(', ')}; now: docker-compose up`,
  );
  return EXIT.OK;
}

/** `samenhang streams`: creates the streams, buckets and consumers (the compose stack's init step). */
export async function streams(paths: HomePaths, env: Env): Promise<number> {
  const servers = env.SAMENHANG_SERVERS?.split(',') ?? [...readStackInfo(paths).servers];
  const nc = await connectAs({ paths, servers, identity: 'broker-admin', maxReconnectAttempts: 30 });
  try {
    await ensureStreams(nc, servers.length > 1 ? 3 : 1);
  } finally {
    await nc.close();
  }
  out(`streams ready on ${servers.join(',')} (${servers.length > 1 ? 3 : 1} replicas)`);
  return EXIT.OK;
}
