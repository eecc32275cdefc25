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
};

export interface RunningStack {
  readonly nats: EmbeddedNats;
  readonly servers: readonly string[];
  readonly services: Map<string, ServiceProcess>;
  /** Starts (or restarts) one instance of a service and waits until it is ready. */
  startService(name: string, instance?: number): Promise<ServiceProcess>;
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
}

export async function startStack(paths: HomePaths, env: Env, options: StackOptions = {}): Promise<RunningStack> {
  await ensurePki(paths);
  ensureBrokerKeys(paths);
  const nats = await startEmbeddedNats(paths, env);
  const servers = [nats.url];
  const services = new Map<string, ServiceProcess>();
  try {
    const admin = await connectAs({ paths, servers, identity: 'broker-admin' });
    await ensureStreams(admin);
    await admin.close();
    writeStackInfo(paths, {
      servers,
      monitorUrls: [nats.monitorUrl],
      pid: process.pid,
      startedAt: new Date().toISOString(),
      nats: { pid: nats.pid, port: nats.port, monitorPort: nats.monitorPort },
    });
  } catch (e) {
    await nats.stop();
    throw e;
  }
  const startService = async (name: string, instance = 1) => {
    const entry = SERVICE_ENTRIES[name];
    if (!entry) throw new Error(`unknown service ${name}`);
    // Instance 1 keeps the plain name (logs/<name>.log); others are <name>-<n>.
    const id = instance === 1 ? name : `${name}-${instance}`;
    const svc = await spawnService({ name: id, entry: entry(), paths, servers, ...(options.serviceEnv ? { env: options.serviceEnv } : {}) });
    services.set(id, svc);
    return svc;
  };
  const stop = async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await nats.stop();
    removeStackInfo(paths);
  };
  try {
    for (const name of options.services ?? Object.keys(SERVICE_ENTRIES)) {
      for (let i = 1; i <= (options.instances?.[name] ?? 1); i++) await startService(name, i);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { nats, servers, services, startService, stop };
}
