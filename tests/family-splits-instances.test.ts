import { describe, expect, it } from 'vitest';
import { testBsns, consumerIdle, readStream, stackPerSuite } from '@samenhang/testkit';
import { deriveSystems, type Picture } from '@samenhang/family';
import { v1 } from '@samenhang/proto';
import { CONSENT_CONSUMER, STREAMS } from '@samenhang/topology';
import { policeAcute } from './helpers/police-signal.js';
import { acceptedPublisher } from './helpers/rvt.js';

const K = 15;
const AGENCY = 'politie-oost-nederland';

/**
 * Family systems equal the derivation from the live signals with several consent
 * instances handling at once: joins and splits of fifteen families race each other on
 * two instances (compare-and-set on one picture per family), and every RVT that saw a
 * family as one system gets a correction once it falls apart.
 */
describe('splits with two consent instances', () => {
  const s = stackPerSuite({ instances: { consent: 2 } });

  it('end every family as the live signals link it, with a correction for each split', async () => {
    const bsn = testBsns(2 * K, 820_000_000);
    const publish = await acceptedPublisher(s.t, AGENCY);
    const send = (over: Record<string, unknown>) => publish(policeAcute(over));
    const x = (k: number) => ({
      subject: { bsn: bsn[2 * k], name: 'X' },
      address: { postcode: '7550AA', houseNumber: k + 1 },
    });
    const y = (k: number) => ({
      subject: { bsn: bsn[2 * k + 1], name: 'Y' },
      address: { postcode: '7551BB', houseNumber: k + 1 },
    });
    const families = Array.from({ length: K }, (_, k) => k);

    // Each family's three signals at once, all families at once: x, y, and x naming y.
    await Promise.all(
      families.flatMap((k) => [
        send({ signalId: `sx-${k}`, ...x(k) }),
        send({ signalId: `sy-${k}`, ...y(k) }),
        send({
          signalId: `sl-${k}`,
          ...x(k),
          relatedPersons: [{ person: { bsn: bsn[2 * k + 1], name: 'Y' }, relation: 'EX_PARTNER' }],
        }),
      ]),
    );
    await consumerIdle(s.admin, STREAMS.SIGNALS, CONSENT_CONSUMER, 60_000);
    const systemsOf = async (k: number) => {
      const pictures = (await readStream(s.admin, 'KV_PICTURES'))
        .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')) as Picture)
        .filter((p) => !p.mergedInto);
      return pictures
        .flatMap((p) => deriveSystems(p, 8))
        .filter((f) => f.entries.some((e) => e.signalId.endsWith(`-${k}`) && e.signalId.startsWith('s')))
        .map((f) => f.entries.map((e) => e.signalId).sort());
    };
    for (const k of families) expect(await systemsOf(k), `family ${k}`).toEqual([[`sl-${k}`, `sx-${k}`, `sy-${k}`]]);
    const joinedAt = (await readStream(s.admin, STREAMS.ALERTS)).length;

    // Now, at once: the linking signal withdrawn, and a new signal about x.
    await Promise.all(
      families.flatMap((k) => [
        send({ signalId: `sw-${k}`, ...x(k), withdrawsSignalId: `sl-${k}` }),
        send({ signalId: `sz-${k}`, ...x(k) }),
      ]),
    );
    await consumerIdle(s.admin, STREAMS.SIGNALS, CONSENT_CONSUMER, 60_000);
    const alerts = (await readStream(s.admin, STREAMS.ALERTS)).map((m) => v1.HouseholdAlert.decode(m.data));
    for (const k of families) {
      expect((await systemsOf(k)).sort(), `family ${k}`).toEqual([[`sx-${k}`, `sz-${k}`], [`sy-${k}`]]);
      const mine = (a: v1.HouseholdAlert) => a.entries.some((e) => e.signalId?.endsWith(`-${k}`));
      // What Twente's RVT sees last of each system of this family: the two parts, or a system that ended.
      const ids = new Set(alerts.filter(mine).map((a) => a.systemId));
      const newest = [...ids].map(
        (id) => alerts.filter((a) => a.systemId === id).sort((a, b) => b.version - a.version)[0]!,
      );
      const shown = newest
        .map((a) =>
          a.entries
            .map((e) => e.signalId)
            .sort()
            .join(),
        )
        .filter(Boolean)
        .sort();
      expect(shown, `family ${k}`).toEqual([`sx-${k},sz-${k}`, `sy-${k}`]);
      for (const a of newest) if (a.entries.length === 0) expect(a.correction, `family ${k}`).toBe(true);
      // The system that showed x and y together was corrected after the withdrawal.
      const together = alerts.filter((a) => mine(a) && a.persons === 2).map((a) => a.systemId);
      expect(
        alerts.slice(joinedAt).some((a) => together.includes(a.systemId) && a.correction),
        `family ${k}`,
      ).toBe(true);
    }
  }, 180_000);
});
