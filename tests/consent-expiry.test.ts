import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { AlertFollower, signalIds } from './helpers/rvt.js';
import { readStream } from './helpers/streams.js';
import { startTestStack, type TestStack } from './helpers/stack.js';

const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;

describe('expiry sweeper', () => {
  let t: TestStack;
  let twente: AlertFollower;
  beforeAll(async () => {
    t = await startTestStack({ serviceEnv: { SAMENHANG_EXPIRY_SWEEP_MS: '500' } });
    twente = await AlertFollower.open(await t.connect('rvt-twente'), 'twente');
  });
  afterAll(async () => {
    await twente.close();
    await t?.close();
  });

  it('takes a signal past its expiry out of the picture, with a new alert version and an R14 decision', async () => {
    const police = await t.client('politie-oost-nederland');
    const now = Date.now();
    const expiring = { ...stepSignal(acute, now), signalId: 'p-exp', expiresAt: new Date(now + 2500).toISOString() };
    const keeping = { ...stepSignal(acute, now), signalId: 'p-keep', severity: 'HIGH' };
    for (const s of [expiring, keeping]) expect((await police.publish(await police.sign(signalFromJson(s)))).status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    await twente.waitFor('both signals alerted', (xs) => xs.some((x) => signalIds(x).join() === 'p-exp,p-keep'));
    const xs = await twente.waitFor('an alert without the expired signal', (a) => signalIds(a.at(-1)!).join() === 'p-keep', 15_000);
    expect(xs.at(-1)!.version).toBe(xs.at(-2)!.version + 1);
    const admin = await t.connect('broker-admin');
    const decisions = (await readStream(admin, 'AUDIT'))
      .filter((m) => m.subject === 'samenhang.audit.decisions')
      .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')))
      .filter((d) => d.signalId === 'p-exp');
    expect(decisions.map((d) => d.decidingRule)).toEqual(['R6', 'R14']);
    expect(decisions[1]).toMatchObject({ outcome: 'DENY', fields: [] });
  });
});
