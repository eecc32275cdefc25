import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { sha256Hex } from '@samenhang/canonical';
import { v1, toTimestamp } from '@samenhang/proto';
import { consentFromJson, signalFromJson } from '@samenhang/signal';
import { openFilteredReader } from '@samenhang/nats';
import { STREAMS, subjects } from '@samenhang/topology';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { publishSteps, readStream, startTestStack, type TestStack } from '@samenhang/testkit';
import type { ScenarioStep } from '@samenhang/client';
import { serviceLogs } from './helpers/logs.js';
import { AlertFollower, signalIds } from './helpers/rvt.js';

const scenario = loadScenario<{ steps: ScenarioStep[] }>('meneer-m');
const audit = async (admin: NatsConnection, subject: string) =>
  (await readStream(admin, 'AUDIT'))
    .filter((m) => m.subject === subject)
    .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')));

describe('consent service on the Meneer M family system', () => {
  let t: TestStack;
  let admin: NatsConnection;
  let foodvalley: AlertFollower;
  let rvtFoodvalley: NatsConnection;

  beforeAll(async () => {
    t = await startTestStack();
    admin = await t.connect('broker-admin');
    rvtFoodvalley = await t.connect('rvt-foodvalley');
    foodvalley = await AlertFollower.open(rvtFoodvalley, 'foodvalley');
    await publishSteps(t, scenario.steps);
    await foodvalley.waitFor('the five-signal alert', (xs) => xs.some((x) => x.entries.length === 5));
  });
  afterAll(async () => {
    await foodvalley.close();
    await t?.close();
  });

  it("answers the RVT picture request for M's flat, and logs it as a disclosure", async () => {
    const req = v1.PictureRequest.encode({
      address: { postcode: '6717 cd', houseNumber: 3, houseNumberSuffix: 'b' },
    }).finish();
    const answer = (await rvtFoodvalley.request(subjects.picture('foodvalley'), req, { timeout: 10_000 })).data;
    const reply = v1.HouseholdAlert.decode(answer);
    expect(signalIds(reply)).toEqual(['g-77', 'j-5110', 'l-301', 'm-001', 'p-2031']);
    expect(reply.persons).toBe(5); // the family of origin joins through m-001's named relations
    const disclosures = await audit(admin, 'samenhang.audit.disclosures');
    expect(disclosures.find((d) => d.disclosureId === reply.disclosureId)).toMatchObject({
      kind: 'picture',
      recipient: 'rvt-foodvalley',
      contentSha256: sha256Hex(answer),
    });
  });

  it("also finds the picture by the parents' address, which only m-001 names", async () => {
    const req = v1.PictureRequest.encode({ address: { postcode: '6711AB', houseNumber: 12 } }).finish();
    const reply = v1.HouseholdAlert.decode(
      (await rvtFoodvalley.request(subjects.picture('foodvalley'), req, { timeout: 10_000 })).data,
    );
    expect(reply.entries).toHaveLength(5);
  });

  it("finds M's family by a person's BSN, and refuses what is not a BSN", async () => {
    const ask = async (r: v1.PictureRequest.$Properties) =>
      v1.HouseholdAlert.decode(
        (
          await rvtFoodvalley.request(subjects.picture('foodvalley'), v1.PictureRequest.encode(r).finish(), {
            timeout: 10_000,
          })
        ).data,
      );
    const m = (scenario.steps.find((s) => s.signal?.signalId === 'm-001')!.signal as { subject: { bsn: string } })
      .subject.bsn;
    expect(signalIds(await ask({ bsn: m }))).toEqual(['g-77', 'j-5110', 'l-301', 'm-001', 'p-2031']);
    const invalid = await ask({ bsn: '123456789' });
    expect([invalid.entries.length, invalid.reason.split(':')[0]]).toEqual([0, 'ERR_INPUT_INVALID']);
  });

  it('answers no search below the alert threshold: a household with one LOW signal is not found, by address or BSN', async () => {
    const police = await t.client('politie-oost-nederland');
    const step = scenario.steps.find((s) => s.signal?.signalId === 'p-2031')!;
    const quiet = {
      ...stepSignal(step as { daysAgo: number; signal: Record<string, unknown> }, Date.now()),
      signalId: 'p-quiet-1',
      severity: 'LOW',
      subject: { bsn: '999990123', name: 'Stil Huishouden', birthDate: '1980-01-01' },
      relatedPersons: [],
      address: { postcode: '6712ZZ', houseNumber: 99 },
    };
    expect((await police.publish(await police.sign(signalFromJson(quiet)))).status).toBe(
      v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    );
    const decided = async () =>
      (await audit(admin, 'samenhang.audit.decisions')).some((d) => d.signalId === 'p-quiet-1');
    for (let i = 0; i < 50 && !(await decided()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await decided()).toBe(true);
    const disclosuresBefore = (await audit(admin, 'samenhang.audit.disclosures')).length;
    for (const r of [{ address: { postcode: '6712ZZ', houseNumber: 99 } }, { bsn: '999990123' }]) {
      const reply = v1.HouseholdAlert.decode(
        (
          await rvtFoodvalley.request(subjects.picture('foodvalley'), v1.PictureRequest.encode(r).finish(), {
            timeout: 10_000,
          })
        ).data,
      );
      expect([reply.entries.length, reply.reason.split(':')[0]]).toEqual([0, 'NOT_ALERTED']);
    }
    // A search that finds nothing disclosed nothing.
    expect((await audit(admin, 'samenhang.audit.disclosures')).length).toBe(disclosuresBefore);
  });

  it('sends a new alert version without a withdrawn signal', async () => {
    const before = foodvalley.alerts.length;
    const police = await t.client('politie-oost-nederland');
    const step = scenario.steps.find((s) => s.signal?.signalId === 'p-2031')!;
    const withdrawal = {
      ...stepSignal(step as { daysAgo: number; signal: Record<string, unknown> }, Date.now()),
      signalId: 'p-2031-w',
      withdrawsSignalId: 'p-2031',
      observedAt: new Date().toISOString(),
    };
    expect((await police.publish(await police.sign(signalFromJson(withdrawal)))).status).toBe(
      v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    );
    const xs = await foodvalley.waitFor(
      'an alert without p-2031',
      (a) => a.length > before && !signalIds(a.at(-1)!).includes('p-2031'),
    );
    expect(signalIds(xs.at(-1)!)).toEqual(['g-77', 'j-5110', 'l-301', 'm-001']);
    expect(xs.at(-1)!.version).toBe(xs.at(-2)!.version + 1);
  });

  it('re-decides on a consent withdrawal: l-301 is held (shown as index) in a new version', async () => {
    const before = foodvalley.alerts.length;
    const ede = await t.client('lokaalteam-ede');
    const withdrawn = consentFromJson({
      consentId: 'c-ede-10',
      agencyId: 'lokaalteam-ede',
      bsn: '999990007',
      purpose: 'SAFETY_ASSESSMENT',
      scope: ['lokaalteam-ede'],
      status: 'WITHDRAWN',
    });
    withdrawn.recordedAt = toTimestamp(Date.now());
    expect((await ede.publishConsent(await ede.signConsent(withdrawn))).status).toBe(
      v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    );
    const xs = await foodvalley.waitFor(
      'l-301 held',
      (a) => a.length > before && a.at(-1)!.entries.find((e) => e.signalId === 'l-301')?.outcome === 'HOLD',
    );
    const l301 = xs.at(-1)!.entries.find((e) => e.signalId === 'l-301')!;
    expect([l301.shownAs, l301.decidingRule, l301.summary]).toEqual(['INDEX', 'R15', '']);
    expect(l301.obligations?.[0]).toMatch(/^HUMAN_DECISION due /);
  });

  it("lets no RVT read another region's alerts or ask for its pictures", async () => {
    const twente = await t.connect('rvt-twente');
    await expect(openFilteredReader(twente, STREAMS.ALERTS, subjects.alerts('foodvalley'))).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
    await expect(openFilteredReader(twente, STREAMS.ALERTS, 'samenhang.alerts.>')).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
    const req = v1.PictureRequest.encode({
      address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' },
    }).finish();
    await expect(twente.request(subjects.picture('foodvalley'), req, { timeout: 2000 })).rejects.toBeDefined();
    const sub = twente.subscribe('samenhang.alerts.foodvalley');
    await expect(
      (async () => {
        for await (const _ of sub) break;
      })(),
    ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    // Agencies that are not RVTs cannot read alerts at all.
    const police = await t.connect('politie-oost-nederland');
    await expect(openFilteredReader(police, STREAMS.ALERTS, subjects.alerts('foodvalley'))).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
  });

  it('keeps every BSN, name, address and summary out of the audit records, alerts at rest, pictures and logs', async () => {
    const values = new Set<string>();
    for (const s of scenario.steps) {
      const sig = s.signal as any;
      if (!sig) continue;
      for (const p of [sig.subject, ...(sig.relatedPersons ?? []).map((r: any) => r.person)])
        values.add(p.bsn).add(p.name).add(p.birthDate);
      values.add(sig.address.postcode).add(sig.summary).add(sig.contact.name).add(sig.contact.phone);
    }
    const haystacks: [string, string][] = [];
    for (const stream of [
      'AUDIT',
      'SIGNALS',
      'ALERTS',
      'KV_PICTURES',
      'KV_CONSENTS',
      'KV_FS_PERSONS',
      'KV_FS_HOUSEHOLDS',
    ]) {
      const msgs = await readStream(admin, stream);
      expect(msgs.length, stream).toBeGreaterThan(0);
      haystacks.push([stream, msgs.map((m) => Buffer.from(m.data).toString('latin1')).join('\n')]);
    }
    const logs = await serviceLogs(t.paths.logs);
    // The lines written per signal are there to be searched.
    expect(logs.find(([f]) => f === 'consent.log')?.[1]).toContain('"msg":"alert published"');
    expect(logs.find(([f]) => f === 'broker-gateway.log')?.[1]).toContain('"msg":"receipt sent"');
    haystacks.push(...logs);
    for (const [where, text] of haystacks)
      for (const v of values) expect(text.includes(v), `${v} in ${where}`).toBe(false);
    // …while the picture the RVT fetches for its alert does carry what the decisions allow.
    expect(JSON.stringify(await foodvalley.opened())).toContain('M. Visser');
  });

  it('writes a decision record for every decision and a disclosure record for every alert', async () => {
    const decisions = await audit(admin, 'samenhang.audit.decisions');
    const disclosures = await audit(admin, 'samenhang.audit.disclosures');
    // The record proves what was sent: its hash is over the very bytes on the ALERTS stream.
    const sent = await readStream(admin, 'ALERTS');
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) {
      const d = disclosures.find((x) => x.disclosureId === v1.HouseholdAlert.decode(m.data).disclosureId);
      expect(d?.contentSha256).toBe(sha256Hex(m.data));
    }
    for (const a of foodvalley.alerts) {
      const d = disclosures.find((x) => x.disclosureId === a.disclosureId);
      expect(d, a.alertId).toMatchObject({
        kind: 'alert',
        recipient: 'rvt-foodvalley',
        version: a.version,
        purpose: 'SAFETY_ASSESSMENT',
      });
      for (const id of d.decisionIds)
        expect(
          decisions.some((x) => x.decisionId === id),
          id,
        ).toBe(true);
      expect(d.legalBasis.every((b: any) => b.citation.length > 0)).toBe(true);
    }
  });
});
