import { createRequire } from 'node:module';
import type { Env, HomePaths } from '@samenhang/config';
import { ensurePki } from '@samenhang/certs-dev';
import {
  connectAs, ensureBrokerKeys, ensureStreams, removeStackInfo, spawnService, startEmbeddedNats, writeStackInfo,
  type EmbeddedNats, type ServiceProcess,
} from '@samenhang/stack';

const require = createRequire(import.meta.url);

/** Entry points of the broker's services, resolved through the workspace packages. */
export const SERVICE_ENTRIES: Readonly<Record<string, () => string>> = {
  'broker-gateway': () => require.resolve('@samenhang/broker-gateway/main'),
  consent: () => require.resolve('@samenhang/consent/main'),
  audit: () => require.resolve('@samenhang/audit/main'),
  console: () => require.resolve('@samenhang/console/main'),
};

/** What a stack runs unless told otherwise; `samenhang up` adds the console. */
export const CORE_SERVICES = ['broker-gateway', 'consent', 'audit'] as const;

export interface RunningStack {
  /** The first node; `natsNodes` has all of a cluster. */
  readonly nats: EmbeddedNats;
  readonly natsNodes: readonly EmbeddedNats[];
  readonly servers: readonly string[];
  readonly services: Map<string, ServiceProcess>;
  /**
   * Starts (or restarts) one instance of a service and waits until it is ready. `env`:
   * set over the stack's service environment for this start only (a restart under
   * another policy file, say).
   */
  startService(name: string, instance?: number, env?: Record<string, string>): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * Starts everything of one home: PKI and broker keys on first use, the embedded
 * nats-server, streams and consumers, then each service. Used by `samenhang up`
 * and by the integration tests, so both run the same stack.
 */
export interface StackOptions {
  readonly services?: readonly string[];
  /** Instances per service (default 1): stateless services share their durable consumers. */
  readonly instances?: Readonly<Record<string, number>>;
  readonly serviceEnv?: Record<string, string>;
  /** Nodes of nats-server: 1 (embedded) or 3 (a JetStream cluster, every stream with 3 replicas). */
  readonly cluster?: number;
}

export async function startStack(paths: HomePaths, env: Env, options: StackOptions = {}): Promise<RunningStack> {
  await ensurePki(paths);
  ensureBrokerKeys(paths);
  const natsNodes = await startEmbeddedNats(paths, env, options.cluster ?? 1);
  const nats = natsNodes[0]!;
  const servers = natsNodes.map((n) => n.url);
  const services = new Map<string, ServiceProcess>();
  try {
    const admin = await connectAs({ paths, servers, identity: 'broker-admin' });
    await ensureStreams(admin, natsNodes.length === 1 ? 1 : 3);
    await admin.close();
    writeStackInfo(paths, {
      servers,
      monitorUrls: natsNodes.map((n) => n.monitorUrl),
      pid: process.pid,
      startedAt: new Date().toISOString(),
      natsNodes: natsNodes.map((n) => ({ pid: n.pid, spec: n.spec })),
    });
  } catch (e) {
    await Promise.all(natsNodes.map((n) => n.stop()));
    throw e;
  }
  // nats-server < 2.9.21 does not serialise compare-and-set on replicated streams
  // (issue #4320): in a cluster, one instance of each service, whose writes to one key
  // go one at a time (serialWrites); several instances are for a single node.
  const clustered = natsNodes.length > 1;
  const serviceEnv = options.serviceEnv ?? {};
  const startService = async (name: string, instance = 1, env: Record<string, string> = {}) => {
    const entry = SERVICE_ENTRIES[name];
    if (!entry) throw new Error(`unknown service ${name}`);
    // Instance 1 keeps the plain name (logs/<name>.log); others are <name>-<n>.
    const id = instance === 1 ? name : `${name}-${instance}`;
    const svc = await spawnService({ name: id, entry: entry(), paths, servers, env: { ...serviceEnv, ...env } });
    services.set(id, svc);
    return svc;
  };
  const stop = async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await Promise.all(natsNodes.map((n) => n.stop()));
    removeStackInfo(paths);
  };
  try {
    for (const name of options.services ?? CORE_SERVICES) {
      for (let i = 1; i <= (clustered ? 1 : options.instances?.[name] ?? 1); i++) await startService(name, i);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { nats, natsNodes, servers, services, startService, stop };
}
