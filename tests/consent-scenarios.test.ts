import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { loadScenario } from './helpers/scenario.js';
import { publishSteps, consumerIdle, readStream, startTestStack, type TestStack } from '@samenhang/testkit';
import type { ScenarioStep } from '@samenhang/client';
import { AlertFollower, signalIds } from './helpers/rvt.js';

interface Scenario {
  steps: ScenarioStep[];
  expect: {
    decisions: { signalId: string; outcome: string; rule: string; obligation?: string }[];
    alerts: {
      region: string;
      count?: number;
      noneBefore?: string;
      firstWith?: string[];
      finalWith?: string[];
      finalContentFor?: string[];
      finalIndexOnly?: string[];
    };
  };
}
const REGIONS = ['foodvalley', 'flevoland', 'twente'];

async function decisions(admin: NatsConnection) {
  return (await readStream(admin, 'AUDIT'))
    .filter((m) => m.subject === 'samenhang.audit.decisions')
    .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')));
}

describe.each(['meneer-m', 'single-low-signal', 'acute'])(
  'scenario %s end to end (gateway → consent → RVT)',
  (name) => {
    const scenario = loadScenario<Scenario>(name);
    let t: TestStack;
    let admin: NatsConnection;
    const followers: Record<string, AlertFollower> = {};
    const seenAfterStep: Record<string, number> = {};

    beforeAll(async () => {
      t = await startTestStack();
      admin = await t.connect('broker-admin');
      for (const r of REGIONS) followers[r] = await AlertFollower.open(await t.connect(`rvt-${r}`), r);
      await publishSteps(t, scenario.steps, Date.now(), async (step) => {
        // Each step is fully decided and alerted before the next: "no alert before X" is then exact.
        await consumerIdle(admin, 'SIGNALS', 'consent');
        await sleep(100); // the RVT's reader receives what was just published
        if (step.signal)
          seenAfterStep[String(step.signal.signalId)] = followers[scenario.expect.alerts.region]!.alerts.length;
      });
    });
    afterAll(async () => {
      for (const f of Object.values(followers)) await f.close();
      await t?.close();
    });

    it('decides each signal exactly as expected, with the expected obligations', async () => {
      const expected = scenario.expect.decisions;
      let got: any[] = [];
      for (let i = 0; i < 100 && got.length < expected.length; i++) {
        got = (await decisions(admin)).filter((d) => expected.some((e) => e.signalId === d.signalId));
        await sleep(100);
      }
      // The latest decision per signal counts (a consent may re-decide).
      const latest = new Map(got.map((d) => [d.signalId, d]));
      expect(
        [...latest.values()]
          .map((d) => ({ signalId: d.signalId, outcome: d.outcome, rule: d.decidingRule }))
          .sort((a, b) => a.signalId.localeCompare(b.signalId)),
      ).toEqual(
        expected
          .map(({ signalId, outcome, rule }) => ({ signalId, outcome, rule }))
          .sort((a, b) => a.signalId.localeCompare(b.signalId)),
      );
      for (const e of expected.filter((x) => x.obligation))
        expect(latest.get(e.signalId).obligations.map((o: any) => o.type)).toContain(e.obligation);
    });

    it('alerts the region as expected, and no other region receives anything', async () => {
      const a = scenario.expect.alerts;
      const f = followers[a.region]!;
      if (a.count === 0) {
        await sleep(1000);
        expect(f.alerts).toEqual([]);
      } else {
        const final = a.finalWith ?? a.finalContentFor!;
        await f.waitFor('the final alert', (xs) =>
          xs.some((x) => JSON.stringify(signalIds(x)) === JSON.stringify([...final].sort())),
        );
        if (a.noneBefore)
          expect(seenAfterStep[scenario.steps.find((s) => s.type === 'signal')!.signal!.signalId as string]).toBe(0);
        if (a.firstWith) expect(signalIds(f.alerts[0]!)).toEqual([...a.firstWith].sort());
        const last = f.alerts.at(-1)!;
        expect(signalIds(last)).toEqual([...final].sort());
        expect(f.alerts.map((x) => x.version)).toEqual(f.alerts.map((_, i) => i + 1));
        // The notices on the stream carry no content at all; the content is fetched.
        for (const n of f.alerts)
          for (const e of n.entries)
            expect(
              JSON.stringify([e.summary, e.subject, e.address, e.contact, e.relatedPersons]),
              String(e.signalId),
            ).toBe('["",null,null,null,[]]');
        const opened = await f.opened(last);
        expect(signalIds(opened)).toEqual([...final].sort());
        for (const id of a.finalContentFor ?? []) {
          const e = opened.entries.find((x) => x.signalId === id)!;
          expect(e.shownAs, id).toBe('DISCLOSE');
          expect(e.summary?.length, id).toBeGreaterThan(0);
        }
        for (const id of a.finalIndexOnly ?? []) {
          const e = opened.entries.find((x) => x.signalId === id)!;
          expect(e.shownAs, id).toBe('INDEX');
          expect([e.summary, e.subject, e.address, e.severity], id).toEqual(['', null, null, 0]);
          expect(e.contact?.name?.length, id).toBeGreaterThan(0);
          expect(e.decidingRule, id).toMatch(/^R5|R8$/);
          expect(e.explanation, id).toMatch(/^Index only\. /);
          expect(e.explanationNl, id).toMatch(/^Alleen vermeld\. /);
        }
      }
      for (const r of REGIONS.filter((x) => x !== a.region)) expect(followers[r]!.alerts, r).toEqual([]);
    });
  },
);
