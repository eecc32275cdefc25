import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KvWatchInclude, type NatsConnection } from 'nats';
import { deriveSystems, type Picture } from '@samenhang/family';
import { v1 } from '@samenhang/proto';
import { bindKv } from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';
import { isValidBsn, signalFromJson } from '@samenhang/signal';
import type { AgencyClient } from '@samenhang/client';
import { consumerIdle, readStream, startTestStack, type TestStack } from '@samenhang/testkit';
import { AlertFollower, signalIds } from './helpers/rvt.js';
import { until, waitUntil } from './helpers/until.js';

const bsns = (() => {
  const out: string[] = [];
  for (let x = 999_970_000; out.length < 50; x++) if (isValidBsn(String(x))) out.push(String(x));
  return out;
})();

function signal(
  id: string,
  bsn: string,
  address: { postcode: string; houseNumber: number },
  over: Record<string, unknown> = {},
) {
  return signalFromJson(signalJson(id, bsn, address, over));
}

function signalJson(
  id: string,
  bsn: string,
  address: { postcode: string; houseNumber: number } = { postcode: '7500AA', houseNumber: 1 },
  over: Record<string, unknown> = {},
) {
  return {
    signalId: id,
    agencyId: 'politie-oost-nederland',
    region: 'twente',
    subject: { bsn, name: `Person ${id}` },
    address,
    category: 'DOMESTIC_VIOLENCE',
    severity: 'ACUTE',
    summary: `incident ${id}`,
    legalGround: 'VITAL_INTEREST',
    observedAt: new Date(Date.now() - 60_000).toISOString(),
    contact: { name: 'F. Dijkstra', phone: '+31 900 000 007' },
    ...over,
  };
}

describe('family systems', () => {
  let t: TestStack;
  let police: AgencyClient;
  let twente: AlertFollower;
  let admin: NatsConnection;
  beforeAll(async () => {
    t = await startTestStack();
    police = await t.client('politie-oost-nederland');
    twente = await AlertFollower.open(await t.connect('rvt-twente'), 'twente');
    admin = await t.connect('broker-admin');
  });
  afterAll(async () => {
    await twente.close();
    await t?.close();
  });

  const send = async (s: v1.Signal.$Properties) =>
    expect((await police.publish(await police.sign(s))).status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);

  it('merges two alerted systems when a signal connects them, and the RVT sees the merge', async () => {
    // Every picture write, in order (the bucket keeps only a key's last value).
    const writes: { key: string; value: any }[] = [];
    const watch = await (await bindKv(admin.jetstream(), BUCKETS.PICTURES)).watch({
      include: KvWatchInclude.UpdatesOnly,
    });
    void (async () => {
      for await (const e of watch)
        writes.push({ key: e.key, value: JSON.parse(Buffer.from(e.value).toString('utf8')) });
    })();
    await send(signal('x-1', bsns[0]!, { postcode: '7511AA', houseNumber: 1 }));
    await send(signal('y-1', bsns[1]!, { postcode: '7522BB', houseNumber: 2 }));
    await twente.waitFor('two separate alerts', (xs) => new Set(xs.map((x) => x.systemId)).size === 2);
    const systems = [...new Set(twente.alerts.map((x) => x.systemId))].sort();
    // A system is created with the signal that founds it: its first write already holds it.
    await until(() => systems.every((id) => writes.some((w) => w.key === id)));
    const firsts = systems.map((id) => writes.find((w) => w.key === id)!.value);
    expect(firsts.map((p) => Object.values(p.entries).map((e: any) => e.signalId)).sort()).toEqual([['x-1'], ['y-1']]);
    // x names y as ex-partner: the two family systems are one from now on.
    await send(
      signal(
        'x-2',
        bsns[0]!,
        { postcode: '7511AA', houseNumber: 1 },
        { relatedPersons: [{ person: { bsn: bsns[1]!, name: 'Y' }, relation: 'EX_PARTNER' }] },
      ),
    );
    const xs = await twente.waitFor('the merged alert', (a) => signalIds(a.at(-1)!).join() === 'x-1,x-2,y-1');
    const merged = xs.at(-1)!;
    // The joined system keeps the id of its founder (the subject of its oldest signal) and names the other.
    expect(systems).toContain(merged.systemId);
    expect(merged.mergedFrom).toEqual(systems.filter((id) => id !== merged.systemId));
    expect(merged.correction).toBe(false); // joining corrects nothing
    expect(merged.persons).toBe(2);
    expect(merged.version).toBe(
      Math.max(
        ...xs
          .filter((x) => x.systemId === merged.systemId)
          .slice(0, -1)
          .map((x) => x.version),
      ) + 1,
    );
    watch.stop();
  });

  /** The family systems of every live picture, as the consent service derives them. */
  const familySystems = async () =>
    (await readStream(admin, 'KV_PICTURES'))
      .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')) as Picture)
      .filter((p) => !p.mergedInto)
      .flatMap((p) => deriveSystems(p, 8));

  it('stops linking at an address shared by more people than the cap (a shelter), for everyone there', async () => {
    const shelter = { postcode: '7533CC', houseNumber: 10 };
    // All at once: the consent service handles them concurrently, so two residents race
    // for the last place under the cap; exactly one may take it.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(signal(`s-${i}`, bsns[5 + i]!, shelter, { severity: 'LOW', category: 'HOUSING_PROBLEM' })),
      ),
    );
    await consumerIdle(admin, 'SIGNALS', 'consent');
    // Ten unrelated residents: ten family systems, also the eight linked before the cap was passed.
    const shelterSystems = (await familySystems()).filter((x) => x.entries.some((e) => e.signalId.startsWith('s-')));
    expect(shelterSystems.map((x) => x.persons.length)).toEqual(Array(10).fill(1));
  });

  it('splits the residents an RVT saw as one system once their address passes the cap, and corrects that version', async () => {
    const shelter = { postcode: '7533DD', houseNumber: 12 };
    const residents = bsns.slice(31, 40);
    await Promise.all(residents.slice(0, 8).map((bsn, i) => send(signal(`c-${i}`, bsn, shelter))));
    const together = await twente.waitFor('the eight residents shown as one system', (a) =>
      a.some((x) => x.persons === 8 && signalIds(x).length === 8),
    );
    const shared = together.find((x) => x.persons === 8)!.systemId;
    const seen = twente.alerts.length;
    await send(signal('c-8', residents[8]!, shelter)); // the ninth: over the cap
    const after = await twente.waitFor('a correction of the shared system and nine systems', (a) => {
      const later = a.slice(seen);
      return (
        later.some((x) => x.systemId === shared && x.correction) && new Set(later.map((x) => x.systemId)).size >= 9
      );
    });
    const later = after.slice(seen);
    const correction = later.find((x) => x.systemId === shared && x.correction)!;
    expect(correction.reason).toMatch(/^correction: /);
    expect(correction.persons).toBe(1); // its founder stays; the others were wrongly shown with them
    const newest = new Map(later.map((x) => [x.systemId, x]));
    expect([...newest.values()].map((x) => x.persons)).toEqual(Array(newest.size).fill(1));
    expect([...newest.values()].flatMap((x) => signalIds(x)).sort()).toEqual(
      Array.from({ length: 9 }, (_, i) => `c-${i}`).sort(),
    );
    // The correction is a disclosure to Twente's RVT (AVG 19), naming everyone the shared system showed.
    await waitUntil('the correction as a disclosure record', async () =>
      (await readStream(admin, 'AUDIT')).some((m) => {
        if (m.subject !== 'samenhang.audit.disclosures') return false;
        const r = JSON.parse(Buffer.from(m.data).toString('utf8'));
        return r.type === 'disclosure' && r.alertId === correction.alertId && r.correction && r.pseudonyms.length === 8;
      }),
    );
  });

  it('splits two persons when the only signal naming their relation is withdrawn', async () => {
    await send(signal('w-x0', bsns[40]!, { postcode: '7544AA', houseNumber: 4 }));
    await send(signal('w-y0', bsns[41]!, { postcode: '7544BB', houseNumber: 5 }));
    await send(
      signal(
        'w-x1',
        bsns[40]!,
        { postcode: '7544AA', houseNumber: 4 },
        { relatedPersons: [{ person: { bsn: bsns[41]!, name: 'Y' }, relation: 'EX_PARTNER' }] },
      ),
    );
    const joined = await twente.waitFor('x and y as one system', (a) =>
      a.some((x) => signalIds(x).join() === 'w-x0,w-x1,w-y0'),
    );
    const one = joined.find((x) => signalIds(x).join() === 'w-x0,w-x1,w-y0')!;
    const seen = twente.alerts.length;
    await send(signalFromJson({ ...signalJson('w-x1-withdrawal', bsns[40]!), withdrawsSignalId: 'w-x1' }));
    const after = await twente.waitFor('the split, with a correction', (a) => {
      const later = a.slice(seen);
      return later.some((x) => x.correction) && later.some((x) => signalIds(x).join() === 'w-y0');
    });
    const later = after.slice(seen);
    const corrected = later.find((x) => x.correction)!;
    expect([one.systemId, ...one.mergedFrom]).toContain(corrected.systemId);
    const newest = new Map(later.map((x) => [x.systemId, x]));
    expect(
      [...newest.values()]
        .map((x) => signalIds(x).join())
        .filter(Boolean)
        .sort(),
    ).toEqual(['w-x0', 'w-y0']);
  });

  it('does not count persons named by relation toward the cap: a family of nine keeps its address', async () => {
    const home = { postcode: '7541AB', houseNumber: 3 };
    const family = bsns.slice(20, 29);
    const relatives = family
      .slice(1)
      .map((bsn, i) => ({ person: { bsn, name: `F${i}` }, relation: i < 2 ? 'PARENT' : 'SIBLING' }));
    await send(signal('f-1', family[0]!, home, { relatedPersons: relatives }));
    // A lodger, named by no one, at the same address: linked by the address (two residents).
    await send(signal('f-2', bsns[30]!, home));
    const xs = await twente.waitFor('the family with its lodger', (a) =>
      a.some((x) => signalIds(x).join() === 'f-1,f-2'),
    );
    expect(xs.find((x) => signalIds(x).join() === 'f-1,f-2')!.persons).toBe(10);
  });
});
