import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env, HomePaths } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { natsUsers, revokedIdentityIds } from '@samenhang/topology';
import type { NodeSpec } from '@samenhang/service-base';
import { requireNatsServer } from './nats-binary.js';
import { HomePorts } from './home-ports.js';
import { renderServerConfig } from './server-config.js';
import { startNatsProcess, waitHealthy, type NatsProcess } from './nats-process.js';
import { natsRuntimeEnv } from './nats-runtime.js';

export interface EmbeddedNats extends NatsProcess {
  readonly spec: NodeSpec;
}

async function render(paths: HomePaths, spec: NodeSpec): Promise<string> {
  return renderServerConfig({
    paths,
    serverName: spec.name,
    port: spec.port,
    monitorPort: spec.monitorPort,
    storeDir: spec.storeDir,
    users: natsUsers(loadRegistry(paths.registry), await revokedIdentityIds(paths)),
    ...(spec.cluster ? { cluster: spec.cluster } : {}),
  });
}

/**
 * Node specs for a home: one node keeps the home's single store; a cluster gets one
 * store per node, distinct client, route and monitoring ports, and routes to all others.
 * Each port is the one the home recorded for it where that is free (`fresh`: new ones).
 */
async function nodeSpecs(paths: HomePaths, count: number, homePorts: HomePorts, fresh: boolean): Promise<NodeSpec[]> {
  const ports: { port: number; monitorPort: number; routePort: number }[] = [];
  for (let i = 1; i <= count; i++) {
    ports.push({
      port: await homePorts.take(`nats-${i}.client`, { fresh }),
      monitorPort: await homePorts.take(`nats-${i}.monitor`, { fresh }),
      // A single node has no routes: it takes no route port.
      routePort: count === 1 ? 0 : await homePorts.take(`nats-${i}.route`, { fresh }),
    });
  }
  return ports.map((p, i) => {
    const dir = count === 1 ? paths.nats : join(paths.nats, `node-${i + 1}`);
    return {
      name: `samenhang-${i + 1}`,
      port: p.port,
      monitorPort: p.monitorPort,
      storeDir: count === 1 ? paths.natsStore : join(dir, 'store'),
      configFile: count === 1 ? paths.natsConfig : join(dir, 'server.conf'),
      logFile: join(paths.logs, count === 1 ? 'nats-server.log' : `nats-server-${i + 1}.log`),
      ...(count === 1
        ? {}
        : {
            cluster: {
              name: 'samenhang',
              port: p.routePort,
              routes: ports.filter((_, j) => j !== i).map((o) => `nats-route://127.0.0.1:${o.routePort}`),
            },
          }),
    };
  });
}

/**
 * Starts the embedded nats-server of a home — one node, or a cluster of `count`
 * on loopback — and waits until every node is healthy (a cluster: a meta leader).
 * The ports are the home's (`homePorts`, by default read from and saved to the home):
 * the same on every start unless something else holds one.
 */
export async function startEmbeddedNats(
  paths: HomePaths,
  env: Env,
  count = 1,
  homePorts = HomePorts.open(paths),
): Promise<EmbeddedNats[]> {
  // A port found free is only free until someone binds it; if another process took one
  // first, the node exits at once: try again on fresh ports (which the home then keeps).
  for (let attempt = 1; ; attempt++) {
    try {
      const nodes = await startNodes(paths, env, count, homePorts, attempt > 1);
      homePorts.save();
      return nodes;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

async function startNodes(
  paths: HomePaths,
  env: Env,
  count: number,
  homePorts: HomePorts,
  fresh: boolean,
): Promise<EmbeddedNats[]> {
  const binary = requireNatsServer(env);
  const specs = await nodeSpecs(paths, count, homePorts, fresh);
  const runtime = natsRuntimeEnv(env);
  const nodes: EmbeddedNats[] = [];
  try {
    for (const spec of specs) {
      mkdirSync(spec.storeDir, { recursive: true });
      const proc = await startNatsProcess({
        binary,
        configFile: spec.configFile,
        config: await render(paths, spec),
        port: spec.port,
        monitorPort: spec.monitorPort,
        logFile: spec.logFile,
        waitReady: false,
        env: runtime,
      });
      nodes.push({ ...proc, spec });
    }
    await Promise.all(nodes.map((n) => waitHealthy(n.monitorUrl, count === 1 ? 15_000 : 30_000, n.child)));
    return nodes;
  } catch (e) {
    await Promise.all(nodes.map((n) => n.stop(2000)));
    throw e;
  }
}

/**
 * Rewrites every running node's users from the registry and revocation list and
 * reloads it (SIGHUP): a revoked identity's new connections are refused.
 */
export async function refreshNatsUsers(
  paths: HomePaths,
  nodes: readonly { pid: number; spec: NodeSpec }[],
): Promise<void> {
  for (const n of nodes) {
    writeFileSync(n.spec.configFile, await render(paths, n.spec), { mode: 0o600 });
    process.kill(n.pid, 'SIGHUP');
  }
}
