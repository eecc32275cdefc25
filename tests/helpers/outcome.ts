import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import { verifyLog, type VerifyReport } from '@samenhang/audit-log';
import { readAuditLog } from '@samenhang/client';
import type { HomePaths } from '@samenhang/config';
import { v1 } from '@samenhang/proto';
import { readStream } from '@samenhang/testkit';
import { retryOnTimeout } from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';

/** Waits until the consent service has taken and acknowledged `total` signals. */
export async function consentSettled(admin: NatsConnection, total: number, timeoutMs = 300_000): Promise<void> {
  const jsm = await admin.jetstreamManager();
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const c = await jsm.consumers.info('SIGNALS', 'consent');
      last = JSON.stringify({
        delivered: c.delivered.stream_seq,
        pending: c.num_pending,
        ackPending: c.num_ack_pending,
      });
      if (c.delivered.stream_seq >= total && c.num_pending === 0 && c.num_ack_pending === 0) return;
    } catch (e) {
      last = (e as Error).message; // a cluster electing a leader answers nothing for a moment
    }
    await sleep(200);
  }
  throw new Error(`consent service did not finish ${total} signals: ${last}`);
}

/** Live pictures as comparable strings: person count and each entry's signal, outcome and deciding rule. */
export async function pictureDigest(admin: NatsConnection): Promise<string[]> {
  const kv = await admin.jetstream().views.kv(BUCKETS.PICTURES);
  const keys = await retryOnTimeout(async () => {
    const out: string[] = [];
    for await (const k of await kv.keys()) out.push(k);
    return out;
  });
  const pictures = await Promise.all(
    keys.map(async (k) => JSON.parse(Buffer.from((await kv.get(k))!.value).toString('utf8'))),
  );
  return pictures
    .filter((p) => !p.mergedInto && Object.keys(p.entries).length > 0)
    .map((p) =>
      JSON.stringify([
        p.persons.length,
        Object.values(p.entries)
          .map((e: any) => `${e.signalId}:${e.decision.outcome}:${e.decision.decidingRule}`)
          .sort(),
      ]),
    )
    .sort();
}

/** The newest alert version each live picture recorded, per system and region (the keys of alertVersions). */
export async function recordedVersions(admin: NatsConnection): Promise<Map<string, number>> {
  const kv = await admin.jetstream().views.kv(BUCKETS.PICTURES);
  const out = new Map<string, number>();
  const keys = await retryOnTimeout(async () => {
    const all: string[] = [];
    for await (const k of await kv.keys()) all.push(k);
    return all;
  });
  for (const k of keys) {
    const p = JSON.parse(Buffer.from((await kv.get(k))!.value).toString('utf8')) as {
      mergedInto?: string;
      systems: Record<string, { alerts: Record<string, { version: number }> }>;
    };
    if (!p.mergedInto)
      for (const [id, s] of Object.entries(p.systems))
        for (const [region, a] of Object.entries(s.alerts)) out.set(`${id}/${region}`, a.version);
  }
  return out;
}

/** Alert versions per system and region, in stream order. */
export async function alertVersions(admin: NatsConnection): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const m of await readStream(admin, 'ALERTS')) {
    const a = v1.HouseholdAlert.decode(m.data);
    const key = `${a.systemId}/${a.region}`;
    out.set(key, [...(out.get(key) ?? []), a.version]);
  }
  return out;
}

export interface AuditOutcome {
  readonly report: VerifyReport;
  /** How many decision records the log holds per agency/signal. */
  readonly decisions: Map<string, number>;
}

/** Reads the audit log as the privacy officer; waits (bounded) until every record is under a checkpoint. */
export async function auditOutcome(paths: HomePaths, minRecords: number, timeoutMs = 60_000): Promise<AuditOutcome> {
  const trust = { ca: new X509Certificate(readFileSync(paths.caCert)), trustDomain: 'samenhang.dev' };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = await readAuditLog(paths);
    const report = await verifyLog(log, trust, null);
    if ((report.ok && report.uncovered === 0 && report.records >= minRecords) || Date.now() > deadline || !report.ok) {
      const decisions = new Map<string, number>();
      for (const e of log) {
        if (e.subject !== 'samenhang.audit.decisions') continue;
        const r = JSON.parse(Buffer.from(e.data).toString('utf8')) as { sourceAgency: string; signalId: string };
        decisions.set(`${r.sourceAgency}/${r.signalId}`, (decisions.get(`${r.sourceAgency}/${r.signalId}`) ?? 0) + 1);
      }
      return { report, decisions };
    }
    await sleep(250);
  }
}
