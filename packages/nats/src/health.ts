import type { NatsConnection } from 'nats';
import { HEALTH_SERVICE_PREFIX, healthSubject } from '@samenhang/topology';
import type { Consumption } from './consume.js';

/** Each check says 'ok' or, in a few words, why not. */
export type HealthChecks = () => Record<string, string>;

export interface HealthReport {
  readonly service: string;
  readonly instance: string;
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, string>>;
  readonly uptimeSeconds: number;
}

export interface Health {
  /** From now on the instance reports `lifecycle: draining` (not ready). */
  draining(): void;
}

/**
 * Registers the instance as NATS service `samenhang-<service>`: `$SRV.PING` finds
 * every running instance (liveness), `$SRV.STATS` returns each one's readiness
 * report, and `samenhang.health.<service>` answers with one instance's report.
 * A service is ready when every check says 'ok' (`samenhang health` asks all).
 */
export async function serveHealth(
  nc: NatsConnection,
  o: { service: string; instance: string; consumption: Consumption; checks?: HealthChecks },
): Promise<Health> {
  const started = Date.now();
  let draining = false;
  let consuming = true;
  void o.consumption.done.finally(() => (consuming = false));
  const report = (): HealthReport => {
    const checks: Record<string, string> = {
      nats: nc.isClosed() ? 'closed' : 'ok',
      consumer: consuming ? 'ok' : 'stopped',
      ...o.checks?.(),
      lifecycle: draining ? 'draining' : 'ok',
    };
    return {
      service: o.service,
      instance: o.instance,
      ready: Object.values(checks).every((v) => v === 'ok'),
      checks,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    };
  };
  const srv = await nc.services.add({
    name: `${HEALTH_SERVICE_PREFIX}${o.service}`,
    version: '0.1.0',
    description: `Samenhang ${o.service}`,
    metadata: { instance: o.instance },
    statsHandler: async () => report(),
  });
  srv.addEndpoint('health', {
    subject: healthSubject(o.service),
    handler: (_err, msg) => msg.respond(JSON.stringify(report())),
  });
  return {
    draining: () => {
      draining = true;
    },
  };
}
