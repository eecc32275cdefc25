import { fromTimestamp, v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { STREAMS, connectAs, openFilteredReader, readStackInfo, subjects } from '@samenhang/stack';
import { NewestAlerts } from '../newest-alerts.js';
import { EXIT, UsageError, out } from '../output.js';

const iso = (ts: Parameters<typeof fromTimestamp>[0]) => {
  const ms = fromTimestamp(ts);
  return ms === undefined ? undefined : new Date(ms).toISOString();
};

/** A HouseholdAlert as JSON for people and scripts: enums by name, empty fields left out. */
export function alertJson(a: v1.HouseholdAlert) {
  return {
    alertId: a.alertId, systemId: a.systemId, region: a.region, version: a.version, createdAt: iso(a.createdAt), reason: a.reason,
    persons: a.persons, mergedFrom: a.mergedFrom.length ? a.mergedFrom : undefined, disclosureId: a.disclosureId || undefined,
    entries: a.entries.map((e) => ({
      signalId: e.signalId, shownAs: e.shownAs, outcome: e.outcome !== e.shownAs ? e.outcome : undefined,
      agencyId: e.agencyId || undefined, agencyKind: e.agencyKind, category: e.category ? nameOf('category', e.category) : undefined,
      observedAt: iso(e.observedAt), contact: e.contact ?? undefined,
      severity: e.severity ? nameOf('severity', e.severity) : undefined, summary: e.summary || undefined,
      subject: e.subject ?? undefined, address: e.address ?? undefined,
      relatedPersons: e.relatedPersons?.length ? e.relatedPersons.map((p) => ({ name: p.name, birthDate: p.birthDate || undefined, relation: nameOf('relation', p.relation ?? 0) })) : undefined,
      why: { rule: e.decidingRule, citation: e.citation, assumption: e.assumption, explanation: e.explanation, decisionId: e.decisionId },
      obligations: e.obligations?.length ? e.obligations : undefined,
    })),
  };
}

function rvtIdentity(region: string | undefined): string {
  if (!region) throw new UsageError('needs --rvt <region>, e.g. --rvt foodvalley');
  return `rvt-${region}`;
}

/** `samenhang alerts --rvt <region>`: follow the region's alerts as its RVT, JSON lines. */
export async function alerts(paths: HomePaths, flags: { rvt?: string; json?: boolean; once?: boolean }): Promise<number> {
  const identity = rvtIdentity(flags.rvt);
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity });
  const reader = await openFilteredReader(nc, STREAMS.ALERTS, subjects.alerts(flags.rvt!), { deliver: 'all' });
  const stop = () => void reader.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    if (!flags.once) return;
    clearTimeout(idle);
    idle = setTimeout(stop, 1500); // --once: print what is there, then stop
  };
  arm();
  const newest = new NewestAlerts();
  for await (const m of reader) {
    const a = v1.HouseholdAlert.decode(m.data);
    if (newest.accept(a)) out(JSON.stringify(alertJson(a)));
    arm();
  }
  clearTimeout(idle);
  await reader.close();
  await nc.close();
  return EXIT.OK;
}

/** `samenhang picture --rvt <region> --household <postcode> <number>`: ask for the current picture. */
export async function picture(paths: HomePaths, flags: { rvt?: string; household?: string }, rest: string[]): Promise<number> {
  const identity = rvtIdentity(flags.rvt);
  const postcode = flags.household;
  const number = Number.parseInt(rest[0] ?? '', 10);
  if (!postcode || !Number.isInteger(number)) throw new UsageError('needs --household <postcode> <number>, e.g. --household 6717CD 3 [suffix]');
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity });
  try {
    const req = v1.PictureRequest.encode({ address: { postcode: postcode.replace(/\s+/g, '').toUpperCase(), houseNumber: number, houseNumberSuffix: rest[1] ?? '' } }).finish();
    const reply = await nc.request(subjects.picture(flags.rvt!), req, { timeout: 10_000 }).catch((cause: unknown) => {
      throw new SamenhangError('ERR_RECEIPT_TIMEOUT', 'the consent service did not answer', { cause });
    });
    const a = v1.HouseholdAlert.decode(reply.data);
    out(JSON.stringify(alertJson(a), null, 2));
    return a.entries.length > 0 ? EXIT.OK : EXIT.FAIL;
  } finally {
    await nc.close();
  }
}
