import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KvWatchInclude, type NatsConnection } from 'nats';
import { v1 } from '@samenhang/proto';
import { BUCKETS, bindKv } from '@samenhang/stack';
import { isValidBsn, signalFromJson } from '@samenhang/signal';
import type { AgencyClient } from '@samenhang/cli';
import { consumerIdle, readStream } from './helpers/streams.js';
import { AlertFollower, signalIds } from './helpers/rvt.js';
import { startTestStack, type TestStack } from './helpers/stack.js';
import { until } from './helpers/until.js';

const bsns = (() => {
  const out: string[] = [];
  for (let x = 999_970_000; out.length < 40; x++) if (isValidBsn(String(x))) out.push(String(x));
  return out;
})();

function signal(
  id: string,
  bsn: string,
  address: { postcode: string; houseNumber: number },
  over: Record<string, unknown> = {},
) {
  return signalFromJson({
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
  });
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
    expect(merged.systemId).toBe(systems[0]);
    expect(merged.mergedFrom).toEqual([systems[1]]);
    expect(merged.persons).toBe(2);
    expect(merged.version).toBe(
      Math.max(
        ...xs
          .filter((x) => x.systemId === systems[0])
          .slice(0, -1)
          .map((x) => x.version),
      ) + 1,
    );
    watch.stop();
  });

  it('stops linking at an address shared by more people than the cap (a shelter)', async () => {
    const shelter = { postcode: '7533CC', houseNumber: 10 };
    // All at once: the consent service handles them concurrently, so two residents race
    // for the last place under the cap; exactly one may take it.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(signal(`s-${i}`, bsns[5 + i]!, shelter, { severity: 'LOW', category: 'HOUSING_PROBLEM' })),
      ),
    );
    await consumerIdle(admin, 'SIGNALS', 'consent');
    const live = (await readStream(admin, 'KV_PICTURES'))
      .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')))
      .filter((p) => !p.mergedInto && Object.values(p.entries).some((e: any) => e.signalId.startsWith('s-')));
    const biggest = Math.max(...live.map((p) => p.persons.length));
    expect(biggest).toBe(8); // the default policy's cap: the ninth and tenth resident stay apart
    expect(live.length).toBe(3);
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
