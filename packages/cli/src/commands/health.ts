import type { HomePaths } from '@samenhang/config';
import { describeStatus } from '@samenhang/launcher';
import { connectAs, type HealthReport } from '@samenhang/nats';
import { readStackInfo, type ServiceStatus } from '@samenhang/service-base';
import { HEALTH_SERVICE_PREFIX } from '@samenhang/topology';
import { CORE_SERVICES } from '@samenhang/launcher';
import { EXIT, out } from '../output.js';

/** Every running instance's readiness report, asked with `$SRV.STATS` as the operator (broker-admin). */
export async function healthReports(paths: HomePaths): Promise<HealthReport[]> {
  const nc = await connectAs({
    paths,
    servers: readStackInfo(paths).servers,
    identity: 'broker-admin',
    maxReconnectAttempts: 0,
  });
  try {
    const reports: HealthReport[] = [];
    for await (const s of await nc.services.client().stats()) {
      if (!s.name.startsWith(HEALTH_SERVICE_PREFIX)) continue;
      const data = s.endpoints?.find((e) => e.name === 'health')?.data as HealthReport | undefined;
      if (data) reports.push(data);
    }
    return reports.sort((a, b) => (a.instance < b.instance ? -1 : 1));
  } finally {
    await nc.close();
  }
}

export interface StackHealth {
  readonly ready: boolean;
  /** What the running instances answer themselves. */
  readonly instances: HealthReport[];
  /** Services with no ready instance, each with why. */
  readonly notReady: string[];
  readonly reasons: Readonly<Record<string, string>>;
  /** What the stack's supervisor says of each instance: state, restarts, last unexpected exit. */
  readonly supervision: Readonly<Record<string, ServiceStatus>>;
}

/** Instance `consent-2` is of service `consent`. */
const serviceOf = (instance: string) => instance.replace(/-\d+$/, '');

/**
 * The stack's health: the instances' own reports and, for an instance that cannot answer
 * (exited, restarting, starting), what the supervisor recorded in stack.json. A service is
 * ready when one of its instances is: a core service by its report, the console by running.
 */
export async function stackHealth(paths: HomePaths): Promise<StackHealth> {
  const supervision = readStackInfo(paths).services ?? {};
  const instances = await healthReports(paths);
  const reasons: Record<string, string> = {};
  const services = new Set<string>([...CORE_SERVICES, ...Object.keys(supervision).map(serviceOf)]);
  for (const name of services) {
    const own = Object.entries(supervision).filter(([id]) => serviceOf(id) === name);
    const ready = (CORE_SERVICES as readonly string[]).includes(name)
      ? instances.some((r) => r.service === name && r.ready)
      : own.some(([, st]) => st.state === 'running');
    if (ready) continue;
    const why = own.filter(([, st]) => st.state !== 'running').map(([id, st]) => `${id} ${describeStatus(st)}`);
    reasons[name] = why.length ? why.join('; ') : 'no ready instance';
  }
  const notReady = Object.keys(reasons);
  return { ready: notReady.length === 0, instances, notReady, reasons, supervision };
}

/** `samenhang health`: each instance of each service, ready or why not; exit 1 unless every service has a ready instance. */
export async function health(paths: HomePaths, flags: { json?: boolean }): Promise<number> {
  const h = await stackHealth(paths);
  if (flags.json) out(JSON.stringify(h, null, 2));
  else {
    const answered = new Set(h.instances.map((r) => r.instance));
    for (const r of h.instances) {
      const why = Object.entries(r.checks)
        .filter(([, v]) => v !== 'ok')
        .map(([k, v]) => `${k}: ${v}`);
      const st = h.supervision[r.instance];
      if (st?.restarts) why.push(describeStatus(st));
      out(
        `${r.ready ? 'ready    ' : 'NOT READY'}  ${r.instance.padEnd(18)} up ${r.uptimeSeconds}s${why.length ? `  (${why.join(', ')})` : ''}`,
      );
    }
    // Instances that cannot answer for themselves: what the supervisor knows of them.
    for (const [id, st] of Object.entries(h.supervision)) {
      if (answered.has(id)) continue;
      if (st.state !== 'running') out(`NOT READY  ${id.padEnd(18)} ${describeStatus(st)}`);
      else if ((CORE_SERVICES as readonly string[]).includes(serviceOf(id)))
        out(`NOT READY  ${id.padEnd(18)} running, but no answer to the health request`);
      else out(`ready      ${id.padEnd(18)} ${describeStatus(st)}`);
    }
    for (const name of h.notReady) out(`NOT READY  ${name}: no ready instance`);
  }
  return h.ready ? EXIT.OK : EXIT.FAIL;
}
