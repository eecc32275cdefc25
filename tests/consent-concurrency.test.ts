import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { v1 } from '@samenhang/proto';
import { isValidBsn, signalFromJson } from '@samenhang/signal';
import { readStream, receipts, streamCount } from './helpers/streams.js';
import { startTestStack, type TestStack } from './helpers/stack.js';

const SYSTEMS = Number(process.env["SAMENHANG_TEST_SYSTEMS"] ?? 500);
const PER_SYSTEM = 10;
const AGENCIES = ['politie-oost-nederland', 'ggz-centraal', 'lokaalteam-ede', 'reclassering-nederland', 'rvt-foodvalley'] as const;
const CATEGORY: Record<string, string> = {
  'politie-oost-nederland': 'HOUSING_NUISANCE', 'ggz-centraal': 'PSYCHIATRIC_CRISIS', 'lokaalteam-ede': 'DEBT',
  'reclassering-nederland': 'CRIMINAL_CASE', 'rvt-foodvalley': 'DOMESTIC_VIOLENCE',
};

function bsns(n: number): string[] {
  const out: string[] = [];
  for (let x = 900_000_000; out.length < n; x++) if (isValidBsn(String(x))) out.push(String(x));
  return out;
}

/**
 * 500 family systems of three persons (two parents, a child). Each system's ten
 * signals come from five agencies; they name different persons and two addresses,
 * and only some name relations, so a system forms by merging partial systems in
 * whatever order the signals happen to be processed.
 */
function workload(now: number): { agency: string; signal: Record<string, unknown> }[] {
  const ids = bsns(SYSTEMS * 3);
  const out: { agency: string; signal: Record<string, unknown> }[][] = [];
  for (let k = 0; k < SYSTEMS; k++) {
    const [a, b, c] = [ids[3 * k]!, ids[3 * k + 1]!, ids[3 * k + 2]!];
    const home = { postcode: `${1000 + (k % 8999)}AB`, houseNumber: 1 + Math.floor(k / 8999) + k };
    const flat = { postcode: `${1000 + (k % 8999)}ZZ`, houseNumber: 500 + k };
    const list = [];
    for (let i = 0; i < PER_SYSTEM; i++) {
      const agency = AGENCIES[i % AGENCIES.length]!;
      const subject = [a, b, c][i % 3]!;
      // Signal 4 (about b) names a as partner, signal 7 (about b) names c as child.
      const related = i === 4 ? [{ person: { bsn: a, name: 'P' }, relation: 'PARTNER' }] : i === 7 ? [{ person: { bsn: c, name: 'P' }, relation: 'CHILD' }] : [];
      list.push({
        agency,
        signal: {
          signalId: `s-${k}-${i}`, agencyId: agency, region: 'foodvalley', subject: { bsn: subject, name: 'X' },
          relatedPersons: related,
          address: i % 4 === 3 ? flat : home, category: CATEGORY[agency], severity: i === 9 ? 'HIGH' : 'MEDIUM', summary: `signal ${i}`,
          legalGround: 'STATUTORY_TASK', meldcodeDecision: false, observedAt: new Date(now - (PER_SYSTEM - i) * 86_400_000).toISOString(),
          contact: { name: 'C', phone: '+31 318 000 000' },
        },
      });
    }
    out.push(list);
  }
  // Round-robin across systems, so concurrent handlers touch the same systems.
  return Array.from({ length: PER_SYSTEM }, (_, i) => out.map((l) => l[i]!)).flat();
}

interface Outcome {
  pictures: string[];
  alerts: Map<string, number[]>;
}

async function settled(admin: NatsConnection, total: number): Promise<void> {
  const jsm = await admin.jetstreamManager();
  for (let i = 0; i < Number(process.env['SAMENHANG_TEST_SETTLE'] ?? 1200); i++) {
    const c = await jsm.consumers.info('SIGNALS', 'consent');
    if (c.delivered.stream_seq >= total && c.num_pending === 0 && c.num_ack_pending === 0) return;
    await sleep(100);
  }
  throw new Error('consent service did not finish');
}

/** Runs the workload on a fresh stack; returns its pictures (as signal sets) and alert versions. */
async function run(instances: number, concurrency: number, items: ReturnType<typeof workload>): Promise<Outcome> {
  const t: TestStack = await startTestStack({ instances: { consent: instances }, serviceEnv: { SAMENHANG_CONSENT_CONCURRENCY: String(concurrency) } });
  try {
    const admin = await t.connect('broker-admin');
    const clients = Object.fromEntries(await Promise.all(AGENCIES.map(async (a) => [a, await t.client(a)] as const)));
    const envelopes = await Promise.all(items.map(async (x) => ({ agency: x.agency, env: await clients[x.agency]!.sign(signalFromJson(x.signal)) })));
    for (let i = 0; i < envelopes.length; i += 250) {
      await Promise.all(envelopes.slice(i, i + 250).map((e) => clients[e.agency]!.nc.jetstream().publish(`samenhang.ingress.${e.agency}`, e.env)));
    }
    const t0 = Date.now();
    for (let i = 0; i < 600 && (await streamCount(admin, 'RECEIPTS')) < items.length; i++) await sleep(100);
    const rejected = (await receipts(admin)).filter((r) => r.status !== v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    expect(rejected.map((r) => `${r.signalId}: ${r.code} ${r.reason}`)).toEqual([]);
    await settled(admin, items.length).catch(async (e) => {
      const { readFileSync } = await import('node:fs');
      const info = await (await admin.jetstreamManager()).consumers.info('SIGNALS', 'consent');
      console.log(JSON.stringify({ delivered: info.delivered, ack_floor: info.ack_floor, pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered }));
      console.log(readFileSync(`${t.paths.logs}/consent.log`, 'utf8').split('\n').slice(-8).join('\n').slice(0, 3000));
      throw e;
    });
    console.log(`consent x${instances} (concurrency ${concurrency}): ${items.length} signals settled ${Date.now() - t0} ms after publishing`);
    const pictures = (await readStream(admin, 'KV_PICTURES'))
      .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')))
      .filter((p) => !p.mergedInto && Object.keys(p.entries).length > 0)
      .map((p) => JSON.stringify([p.persons.length, Object.values(p.entries).map((e: any) => `${e.signalId}:${e.decision.outcome}:${e.decision.decidingRule}`).sort()]))
      .sort();
    const alerts = new Map<string, number[]>();
    for (const m of await readStream(admin, 'ALERTS')) {
      const a = v1.HouseholdAlert.decode(m.data);
      alerts.set(`${a.systemId}/${a.region}`, [...(alerts.get(`${a.systemId}/${a.region}`) ?? []), a.version]);
    }
    return { pictures, alerts };
  } finally {
    await t.close();
  }
}

describe('two consent instances at once', () => {
  it('end with the same pictures as one instance, losing no update and sending no alert version twice', async () => {
    const items = workload(Date.now());
    expect(items).toHaveLength(SYSTEMS * PER_SYSTEM);
    const single = await run(1, 8, items);
    const double = await run(2, 8, items);
    expect(single.pictures).toHaveLength(SYSTEMS);
    expect(single.pictures.every((p) => JSON.parse(p)[1].length === PER_SYSTEM && JSON.parse(p)[0] === 3)).toBe(true);
    expect(double.pictures).toEqual(single.pictures);
    for (const outcome of [single, double]) {
      for (const [key, versions] of outcome.alerts) {
        expect(versions, key).toEqual(versions.map((_, i) => i + 1)); // 1..n, no gaps, no duplicates
      }
    }
  }, 600_000);
});
