import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Env, HomePaths } from '@samenhang/config';
import { ensurePki } from '@samenhang/certs-dev';
import { connectAs } from '@samenhang/nats';
import {
  ensureBrokerKeys,
  removeStackInfo,
  writeStackInfo,
  type ServiceStatus,
  type StackInfo,
} from '@samenhang/service-base';
import { ensureStreams } from '@samenhang/topology';
import { SamenhangError } from '@samenhang/errors';
import { HomePorts } from './home-ports.js';
import { startEmbeddedNats, type EmbeddedNats } from './embedded.js';
import { spawnService, type ServiceProcess } from './service-process.js';
import { Supervisor, type Backoff, type SupervisorEvent } from './supervisor.js';

const require = createRequire(import.meta.url);

/** Entry points of the broker's services, resolved through the workspace packages. */
export const SERVICE_ENTRIES: Readonly<Record<string, () => string>> = {
  'broker-gateway': () => require.resolve('@samenhang/broker-gateway/main'),
  consent: () => require.resolve('@samenhang/consent/main'),
  audit: () => require.resolve('@samenhang/audit/main'),
  console: () => require.resolve('@samenhang/console/main'),
  idp: () => require.resolve('@samenhang/idp/main'),
};

/** The named test users the development identity provider serves (and `samenhang console --as` names). */
export const devUsersFile = (): string => require.resolve('@samenhang/certs-dev/dev-users.json');

/** What a stack runs unless told otherwise; `samenhang up` adds the console. */
export const CORE_SERVICES = ['broker-gateway', 'consent', 'audit'] as const;

export interface RunningStack {
  /** The first node; `natsNodes` has all of a cluster. */
  readonly nats: EmbeddedNats;
  readonly natsNodes: readonly EmbeddedNats[];
  readonly servers: readonly string[];
  /** Each instance's newest process (alive or not); stopping one stops the instance on purpose. */
  readonly services: ReadonlyMap<string, ServiceProcess>;
  /**
   * Starts (or restarts) one instance of a service and waits until it is ready; a process
   * of it still running is stopped first, and a pending supervised restart is cancelled,
   * so an instance never runs twice. `env`: set over the stack's service environment for
   * this start (and, supervised, its restarts): a restart under another policy file, say.
   */
  startService(name: string, instance?: number, env?: Record<string, string>): Promise<ServiceProcess>;
  /** Each instance's state, restarts and last unexpected exit (also in the home's stack.json). */
  serviceStatus(): Record<string, ServiceStatus>;
  /** Stops every service (none is restarted), then nats-server. */
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
  /**
   * Restart a service instance that exits unexpectedly, with backoff (`samenhang up` does).
   * Off by default: a test that kills a service decides itself when it comes back, and
   * sees it stay down until then.
   */
  readonly supervise?: boolean;
  readonly backoff?: Backoff;
  /** Where the stack's own notices (crashes, restarts, changed ports) go besides <home>/logs/stack.log: `up` prints them. */
  readonly log?: (line: string) => void;
}

/**
 * The stack's own log: JSON lines in <home>/logs/stack.log and a readable line to `print`.
 * What it says names services, pids, exit codes and ports only: no personal data.
 */
function stackLog(paths: HomePaths, print?: (line: string) => void) {
  mkdirSync(paths.logs, { recursive: true });
  const file = join(paths.logs, 'stack.log');
  return (level: 'info' | 'warn', msg: string, fields: Record<string, unknown> = {}) => {
    appendFileSync(
      file,
      JSON.stringify({ level, time: new Date().toISOString(), service: 'stack', pid: process.pid, msg, ...fields }) +
        '\n',
    );
    const detail = Object.entries(fields)
      .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
    print?.(`${msg}${detail ? ` (${detail})` : ''}`);
  };
}

/** A supervisor's event as a log line. */
function logEvent(log: ReturnType<typeof stackLog>, e: SupervisorEvent): void {
  const s = (ms: number) => Math.round(ms / 100) / 10;
  switch (e.kind) {
    case 'exited':
      log(
        'warn',
        e.restartInMs === undefined
          ? `${e.id} exited unexpectedly; not restarted (supervision off)`
          : `${e.id} exited unexpectedly; restarting in ${s(e.restartInMs)} s`,
        {
          instance: e.id,
          code: e.exit.code,
          signal: e.exit.signal,
          upSeconds: e.exit.upSeconds,
        },
      );
      return;
    case 'restarted':
      log('info', `${e.id} restarted, ready ${s(e.downMs)} s after it exited`, {
        instance: e.id,
        pid: e.pid,
        restarts: e.restarts,
      });
      return;
    case 'restart-failed':
      log('warn', `${e.id} did not start again; next try in ${s(e.restartInMs)} s`, { instance: e.id, error: e.error });
  }
}

export async function startStack(paths: HomePaths, env: Env, options: StackOptions = {}): Promise<RunningStack> {
  await ensurePki(paths);
  ensureBrokerKeys(paths);
  const log = stackLog(paths, options.log);
  const homePorts = HomePorts.open(paths, (msg, fields) => log('warn', msg, fields));
  const natsNodes = await startEmbeddedNats(paths, env, options.cluster ?? 1, homePorts);
  const nats = natsNodes[0]!;
  const servers = natsNodes.map((n) => n.url);
  let info: StackInfo;
  try {
    const admin = await connectAs({ paths, servers, identity: 'broker-admin' });
    await ensureStreams(admin, natsNodes.length === 1 ? 1 : 3);
    await admin.close();
    info = {
      servers,
      monitorUrls: natsNodes.map((n) => n.monitorUrl),
      pid: process.pid,
      startedAt: new Date().toISOString(),
      natsNodes: natsNodes.map((n) => ({ pid: n.pid, spec: n.spec })),
      supervised: options.supervise ?? false,
      services: {},
    };
    writeStackInfo(paths, info);
  } catch (e) {
    await Promise.all(natsNodes.map((n) => n.stop()));
    throw e;
  }
  let stopped = false;
  const supervisor = new Supervisor({
    restart: options.supervise ?? false,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    onEvent: (e) => logEvent(log, e),
    onChange: (services) => {
      info = { ...info, services };
      // Not after stop: stack.json is gone then, and must not come back.
      if (!stopped) writeStackInfo(paths, info);
    },
  });
  // nats-server < 2.9.21 does not serialise compare-and-set on replicated streams
  // (issue #4320): in a cluster, one instance of each service, whose writes to one key
  // go one at a time (serialWrites); several instances are for a single node.
  const clustered = natsNodes.length > 1;
  const serviceEnv = options.serviceEnv ?? {};
  /** The console's first instance listens on the home's recorded ports, unless told others. */
  const consolePorts = async (given: Record<string, string>): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    if (given.SAMENHANG_CONSOLE_PORT === undefined && env.SAMENHANG_CONSOLE_PORT === undefined)
      out.SAMENHANG_CONSOLE_PORT = String(await homePorts.take('console.web'));
    if (given.SAMENHANG_API_PORT === undefined && env.SAMENHANG_API_PORT === undefined)
      out.SAMENHANG_API_PORT = String(await homePorts.take('console.api'));
    homePorts.save();
    return out;
  };
  /**
   * The development identity provider listens on the home's recorded port and sends people
   * back to the console's first instance only. The console trusts the home's CA for it.
   */
  const idpEnv = async (given: Record<string, string>): Promise<Record<string, string>> => {
    const consoleHost = given.SAMENHANG_CONSOLE_HOST ?? env.SAMENHANG_CONSOLE_HOST ?? '127.0.0.1';
    const consolePort =
      given.SAMENHANG_CONSOLE_PORT ?? env.SAMENHANG_CONSOLE_PORT ?? (await consolePorts(given)).SAMENHANG_CONSOLE_PORT;
    const out: Record<string, string> = {
      SAMENHANG_IDP_USERS: devUsersFile(),
      SAMENHANG_IDP_REDIRECT_URIS: `https://${consoleHost}:${consolePort}/oidc/callback`,
    };
    if (given.SAMENHANG_IDP_PORT === undefined && env.SAMENHANG_IDP_PORT === undefined) {
      out.SAMENHANG_IDP_PORT = String(await homePorts.take('idp'));
      homePorts.save();
    }
    return out;
  };
  const envFor = async (name: string, instance: number, given: Record<string, string>) => {
    if (name === 'idp') return idpEnv(given);
    if (name === 'console' && instance === 1)
      return { ...(await consolePorts(given)), NODE_EXTRA_CA_CERTS: paths.caCert };
    return name === 'console' ? { NODE_EXTRA_CA_CERTS: paths.caCert } : {};
  };
  const startService = async (name: string, instance = 1, extra: Record<string, string> = {}) => {
    const entry = SERVICE_ENTRIES[name];
    if (!entry) throw new SamenhangError('ERR_INTERNAL', `unknown service ${name}`);
    // Instance 1 keeps the plain name (logs/<name>.log); others are <name>-<n>.
    const id = instance === 1 ? name : `${name}-${instance}`;
    const given = { ...serviceEnv, ...extra };
    // Ports are looked at on every start, restarts too: one taken meanwhile is replaced (and logged).
    return supervisor.start(id, async (onSpawn) =>
      spawnService({
        name: id,
        entry: entry(),
        paths,
        servers,
        onSpawn,
        env: { ...given, ...(await envFor(name, instance, given)) },
      }),
    );
  };
  const stop = async () => {
    await supervisor.stop();
    stopped = true;
    await Promise.all(natsNodes.map((n) => n.stop()));
    removeStackInfo(paths);
  };
  try {
    // A console comes with the development identity provider its people sign in with.
    const wanted = [...(options.services ?? CORE_SERVICES)];
    if (wanted.includes('console') && !wanted.includes('idp')) wanted.splice(wanted.indexOf('console'), 0, 'idp');
    for (const name of wanted) {
      for (let i = 1; i <= (clustered ? 1 : (options.instances?.[name] ?? 1)); i++) await startService(name, i);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    nats,
    natsNodes,
    servers,
    services: supervisor.processes,
    startService,
    serviceStatus: () => supervisor.status(),
    stop,
  };
}
