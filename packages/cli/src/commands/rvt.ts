import { fromTimestamp, v1 } from '@samenhang/proto';
import { nameOf } from '@samenhang/signal';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { connectAs, openFilteredReader, requestPicture } from '@samenhang/nats';
import { readStackInfo } from '@samenhang/service-base';
import { STREAMS, subjects } from '@samenhang/topology';
import { NewestAlerts } from '../newest-alerts.js';
import { EXIT, usageError, out } from '../output.js';

const iso = (ts: Parameters<typeof fromTimestamp>[0]) => {
  const ms = fromTimestamp(ts);
  return ms === undefined ? undefined : new Date(ms).toISOString();
};

/** A HouseholdAlert as JSON for people and scripts: enums by name, empty fields left out. */
export function alertJson(a: v1.HouseholdAlert) {
  return {
    alertId: a.alertId,
    systemId: a.systemId,
    region: a.region,
    version: a.version,
    createdAt: iso(a.createdAt),
    reason: a.reason,
    persons: a.persons,
    mergedFrom: a.mergedFrom.length ? a.mergedFrom : undefined,
    disclosureId: a.disclosureId || undefined,
    entries: a.entries.map((e) => ({
      signalId: e.signalId,
      shownAs: e.shownAs,
      outcome: e.outcome !== e.shownAs ? e.outcome : undefined,
      agencyId: e.agencyId || undefined,
      agencyKind: e.agencyKind,
      category: e.category ? nameOf('category', e.category) : undefined,
      observedAt: iso(e.observedAt),
      contact: e.contact ?? undefined,
      severity: e.severity ? nameOf('severity', e.severity) : undefined,
      summary: e.summary || undefined,
      subject: e.subject ?? undefined,
      address: e.address ?? undefined,
      relatedPersons: e.relatedPersons?.length
        ? e.relatedPersons.map((p) => ({
            name: p.name,
            birthDate: p.birthDate || undefined,
            relation: nameOf('relation', p.relation ?? 0),
          }))
        : undefined,
      why: {
        rule: e.decidingRule,
        citation: e.citation,
        assumption: e.assumption,
        explanation: e.explanation,
        decisionId: e.decisionId,
      },
      obligations: e.obligations?.length ? e.obligations : undefined,
    })),
  };
}

function rvtIdentity(region: string | undefined): string {
  if (!region) throw usageError('needs --rvt <region>, e.g. --rvt foodvalley');
  return `rvt-${region}`;
}

/**
 * `samenhang alerts --rvt <region>`: follow the region's alerts as its RVT, JSON lines. The
 * ALERTS stream holds notices without content; for each system's newest notice the current
 * picture is fetched (a logged disclosure) and printed, once what was waiting has been read.
 * `--notices` prints the notices themselves and fetches nothing.
 */
export async function alerts(
  paths: HomePaths,
  flags: { rvt?: string; json?: boolean; once?: boolean; notices?: boolean },
): Promise<number> {
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
  // Notices that were waiting are gathered first, so each system's content is fetched once.
  const waiting = new Map<string, v1.HouseholdAlert>();
  const show = async (notice: v1.HouseholdAlert) => {
    if (flags.notices) return out(JSON.stringify(alertJson(notice)));
    const opened = await requestPicture(nc, flags.rvt!, { systemId: notice.systemId }).catch((e: unknown) =>
      v1.HouseholdAlert.create({ reason: `no answer: ${(e as Error).message}` }),
    );
    out(
      JSON.stringify(
        opened.entries.length > 0 ? alertJson(opened) : { ...alertJson(notice), contentUnavailable: opened.reason },
      ),
    );
  };
  for await (const m of reader) {
    const a = v1.HouseholdAlert.decode(m.data);
    if (newest.accept(a)) waiting.set(a.systemId, a);
    if (m.pending === 0) {
      for (const notice of waiting.values()) await show(notice);
      waiting.clear();
    }
    arm();
  }
  clearTimeout(idle);
  await reader.close();
  await nc.close();
  return EXIT.OK;
}

/** `samenhang picture --rvt <region> --household <postcode> <number>`: ask for the current picture. */
export async function picture(
  paths: HomePaths,
  flags: { rvt?: string; household?: string },
  rest: string[],
): Promise<number> {
  const identity = rvtIdentity(flags.rvt);
  const postcode = flags.household;
  const number = Number.parseInt(rest[0] ?? '', 10);
  if (!postcode || !Number.isInteger(number))
    throw usageError('needs --household <postcode> <number>, e.g. --household 6717CD 3 [suffix]');
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity });
  try {
    const address = {
      postcode: postcode.replace(/\s+/g, '').toUpperCase(),
      houseNumber: number,
      houseNumberSuffix: rest[1] ?? '',
    };
    const a = await requestPicture(nc, flags.rvt!, { address }).catch((cause: unknown) => {
      throw new SamenhangError('ERR_RECEIPT_TIMEOUT', 'the consent service did not answer', { cause });
    });
    out(JSON.stringify(alertJson(a), null, 2));
    return a.entries.length > 0 ? EXIT.OK : EXIT.FAIL;
  } finally {
    await nc.close();
  }
}
