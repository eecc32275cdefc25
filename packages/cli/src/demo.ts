import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HomePaths } from '@samenhang/config';
import { v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';
import { AgencyClient, publishStep, type ScenarioStep } from '@samenhang/client';
import { connectAs, openFilteredReader, requestPicture } from '@samenhang/nats';
import { STREAMS, subjects } from '@samenhang/topology';
import { out } from './output.js';

export const DEMO_SCENARIO = join(fileURLToPath(import.meta.url), '../../../../fixtures/scenarios/meneer-m.json');

/** Prints an alert the way an RVT professional would read it: what, from whom, and why it is shown. */
export function describeAlert(a: v1.HouseholdAlert): string {
  const lines = [
    `Alert v${a.version} to the RVT of ${a.region}: a family system of ${a.persons} persons — ${a.reason}.`,
  ];
  for (const e of a.entries as v1.AlertEntry[]) {
    const when = e.observedAt ? new Date(Number(e.observedAt.seconds) * 1000).toISOString().slice(0, 10) : '';
    lines.push(
      `  ${e.signalId.padEnd(8)} ${e.agencyId.padEnd(24)} ${nameOf('category', e.category ?? 0).padEnd(18)} ${when}  ${e.shownAs.padEnd(8)} ${e.decidingRule}`,
    );
    if (e.summary) lines.push(`           "${e.summary}"`);
    if (e.contact?.name) lines.push(`           contact: ${e.contact.name} ${e.contact.phone ?? ''}`);
    lines.push(`           why: ${e.explanation}`);
    for (const o of e.obligations ?? []) lines.push(`           obligation: ${o}`);
  }
  return lines.join('\n');
}

/**
 * Replays the Meneer M scenario against a running stack: each agency signs and
 * publishes its signal (dates relative to now), then the Food Valley RVT's
 * merged alert is printed with why each entry is shown as it is.
 */
export async function runDemo(paths: HomePaths, servers: readonly string[]): Promise<void> {
  const scenario = JSON.parse(readFileSync(DEMO_SCENARIO, 'utf8')) as { story: string; steps: ScenarioStep[] };
  out(`\nDemo: Meneer M. ${scenario.story}\n`);
  const rvt = await connectAs({ paths, servers, identity: 'rvt-foodvalley' });
  const reader = await openFilteredReader(rvt, STREAMS.ALERTS, subjects.alerts('foodvalley'), { deliver: 'all' });
  const now = Date.now();
  const clients = new Map<string, AgencyClient>();
  try {
    for (const step of scenario.steps) {
      const client = clients.get(step.agency) ?? (await AgencyClient.open(paths, servers, step.agency));
      clients.set(step.agency, client);
      const r = await publishStep(client, step, now);
      out(
        `  ${step.agency.padEnd(24)} ${step.type.padEnd(8)} ${r.signalId.padEnd(8)} ${nameOf('receiptStatus', r.status)}${r.code ? ` ${r.code}` : ''}`,
      );
    }
    // The last notice in the stream names the system; its content is fetched as the RVT would.
    let notice: v1.HouseholdAlert | undefined;
    const deadline = setTimeout(() => void reader.close(), 15_000);
    for await (const m of reader) {
      notice = v1.HouseholdAlert.decode(m.data);
      if (notice.entries.length >= 5) break;
    }
    clearTimeout(deadline);
    const last = notice && (await requestPicture(rvt, 'foodvalley', { systemId: notice.systemId }));
    out(
      last?.entries.length
        ? `\n${describeAlert(last)}\n\nFollow it yourself: npx samenhang alerts --rvt foodvalley   (other regions receive nothing: --rvt twente)\n`
        : '\nno alert arrived (see the logs)\n',
    );
  } finally {
    for (const c of clients.values()) await c.close();
    await reader.close();
    await rvt.close();
  }
}
