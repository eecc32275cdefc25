import type { HomePaths } from '@samenhang/config';
import { HEALTH_SERVICE_PREFIX, connectAs, readStackInfo, type HealthReport } from '@samenhang/stack';
import { CORE_SERVICES } from '../run-stack.js';
import { EXIT, out } from '../output.js';

/** Every running instance's readiness report, asked with `$SRV.STATS` as the operator (broker-admin). */
export async function healthReports(paths: HomePaths): Promise<HealthReport[]> {
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity: 'broker-admin', maxReconnectAttempts: 0 });
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

/** `samenhang health`: each instance of each service, ready or why not; exit 1 unless every service has a ready instance. */
export async function health(paths: HomePaths, flags: { json?: boolean }): Promise<number> {
  const reports = await healthReports(paths);
  const missing = CORE_SERVICES.filter((name) => !reports.some((r) => r.service === name && r.ready));
  if (flags.json) out(JSON.stringify({ ready: missing.length === 0, instances: reports, notReady: missing }, null, 2));
  else {
    for (const r of reports) {
      const why = Object.entries(r.checks).filter(([, v]) => v !== 'ok').map(([k, v]) => `${k}: ${v}`);
      out(`${r.ready ? 'ready    ' : 'NOT READY'}  ${r.instance.padEnd(18)} up ${r.uptimeSeconds}s${why.length ? `  (${why.join(', ')})` : ''}`);
    }
    for (const name of missing) out(`NOT READY  ${name}: no ready instance`);
  }
  return missing.length === 0 ? EXIT.OK : EXIT.FAIL;
}
