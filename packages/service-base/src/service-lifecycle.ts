import type { NatsConnection } from 'nats';
import { homePaths, resolveHome, type Env, type HomePaths } from '@samenhang/config';
import type { Consumption, Health } from '@samenhang/nats';
import { readStackInfo } from './stack-file.js';

/** Schema properties every service configuration shares (each adds its own). */
export const SERVICE_CONFIG_PROPERTIES = {
  home: { type: 'string', minLength: 1 },
  servers: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(tls|nats)://' } },
  logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] },
  instance: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
} as const;
export const SERVICE_CONFIG_REQUIRED = ['home', 'servers', 'logLevel', 'instance'] as const;

/** The settings every service has (SERVICE_CONFIG_PROPERTIES), before validation. */
export interface ServiceFields {
  readonly home: string;
  readonly servers: string[];
  readonly instance: string;
  readonly logLevel: string;
}

/**
 * What every service's configuration starts from: its home's paths, and `fields` to
 * validate with its own settings (its home, the NATS servers to use, its instance
 * name, its log level).
 */
export function serviceBase(env: Env, cwd: string): { paths: HomePaths; fields: ServiceFields } {
  const home = resolveHome(undefined, env, cwd);
  const paths = homePaths(home);
  const servers = env.SAMENHANG_SERVERS?.split(',').map((s) => s.trim()) ?? [...readStackInfo(paths).servers];
  return {
    paths,
    fields: {
      home,
      servers,
      instance: env.SAMENHANG_INSTANCE ?? `pid-${process.pid}`,
      logLevel: env.SAMENHANG_LOG_LEVEL ?? 'info',
    },
  };
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop pulling, let in-flight handlers finish,
 * flush their acks, close, exit 0. `before` stops a service's own timers and subscriptions.
 */
export function exitGracefully(o: {
  log: { info(obj: object, msg: string): void };
  consumption: Consumption;
  nc: NatsConnection;
  health?: Health;
  before?: () => void;
  /** Last work after in-flight handlers finished and before the connection closes. */
  final?: () => Promise<void>;
}): void {
  const shutdown = async (signal: string) => {
    o.log.info({ signal }, 'draining');
    o.health?.draining();
    o.consumption.stop();
    o.before?.();
    await o.consumption.done;
    await o.final?.().catch(() => undefined);
    await o.nc.flush().catch(() => undefined);
    await o.nc.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
