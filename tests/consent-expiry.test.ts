import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { DEFAULT_POLICY_FILE } from '@samenhang/policy';
import { bindKv, lastHeaders } from '@samenhang/nats';
import { BUCKETS, signalKey } from '@samenhang/topology';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { AlertFollower, signalIds } from './helpers/rvt.js';
import { untilLogged } from './helpers/logs.js';
import { waitUntil } from './helpers/until.js';
import { readStream, startTestStack, type TestStack } from '@samenhang/testkit';

type SweepLine = { pictures: number; read: number; stamped: number; expired: number };

/** The consent service's `expiry sweep done` lines so far, oldest first. */
function sweeps(logs: string): SweepLine[] {
  let text = '';
  try {
    text = readFileSync(join(logs, 'consent.log'), 'utf8');
  } catch {
    /* not written yet */
  }
  return text
    .split('\n')
    .filter((l) => l.includes('"msg":"expiry sweep done"'))
    .map((l) => JSON.parse(l) as SweepLine);
}

/** The first sweep to finish after this call. */
async function nextSweep(logs: string): Promise<SweepLine> {
  const seen = sweeps(logs).length;
  await waitUntil('a sweep after this one', () => sweeps(logs).length > seen, 10_000);
  return sweeps(logs)[seen]!;
}

const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;
const keptCategory = acute.signal.category as string;

/** The family system of a stored picture that has an alert state for Twente. */
const twenteOf = (p: { systems: Record<string, { alerts: Record<string, any> }> }) =>
  Object.values(p.systems).find((x) => x.alerts.twente);

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
    for (const s of [expiring, keeping])
      expect((await police.publish(await police.sign(signalFromJson(s)))).status).toBe(
        v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
      );
    await twente.waitFor('both signals alerted', (xs) => xs.some((x) => signalIds(x).join() === 'p-exp,p-keep'));
    const xs = await twente.waitFor(
      'an alert without the expired signal',
      (a) => signalIds(a.at(-1)!).join() === 'p-keep',
      15_000,
    );
    expect(xs.at(-1)!.version).toBe(xs.at(-2)!.version + 1);
    const admin = await t.connect('broker-admin');
    const decisions = (await readStream(admin, 'AUDIT'))
      .filter((m) => m.subject === 'samenhang.audit.decisions')
      .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')))
      .filter((d) => d.signalId === 'p-exp');
    expect(decisions.map((d) => d.decidingRule)).toEqual(['R6', 'R14']);
    expect(decisions[1]).toMatchObject({ outcome: 'DENY', fields: [] });
    // Past retention its sealed content is destroyed; the kept signal's stays.
    const vault = await bindKv(admin.jetstream(), BUCKETS.VAULT);
    const stored = async (id: string) =>
      (await vault.get(`signal.${signalKey('politie-oost-nederland', id)}`))?.operation === 'PUT';
    await waitUntil('the expired content destroyed', async () => !(await stored('p-exp')));
    expect(await stored('p-keep')).toBe(true);
    // Each sweep says what it read and took out: the one that expired p-exp read its picture.
    await untilLogged(
      t.paths.logs,
      'consent',
      /"pictures":[1-9]\d*,"read":1,"stamped":0,"expired":1,"ms":\d+,"msg":"expiry sweep done"/,
    );
    // The sweeper has no message to claim its version by: it stored that it sent it.
    const pictures = await bindKv(admin.jetstream(), BUCKETS.PICTURES);
    const alert = JSON.parse(Buffer.from((await pictures.get(xs.at(-1)!.systemId))!.value).toString('utf8')).systems[
      xs.at(-1)!.systemId
    ].alerts.twente;
    expect(alert).toEqual({
      version: xs.at(-1)!.version,
      contentSha256: expect.any(String),
      published: xs.at(-1)!.version,
    });

    // As a sweeper leaves a picture that it crashed in before sending: a version recorded,
    // unsettled. No signal of this system follows; the next sweep sends it and settles it.
    const entry = (await pictures.get(xs.at(-1)!.systemId))!;
    const crashed = JSON.parse(Buffer.from(entry.value).toString('utf8'));
    const next = xs.at(-1)!.version + 1;
    crashed.systems[xs.at(-1)!.systemId].alerts.twente = { ...alert, version: next };
    await pictures.update(xs.at(-1)!.systemId, Buffer.from(JSON.stringify(crashed)), entry.revision);
    const after = await twente.waitFor(
      'the unsettled version sent by a sweep',
      (a) => a.at(-1)!.version === next,
      10_000,
    );
    expect(signalIds(after.at(-1)!)).toEqual(['p-keep']);
    const twenteAlert = async () =>
      JSON.parse(Buffer.from((await pictures.get(xs.at(-1)!.systemId))!.value).toString('utf8')).systems[
        xs.at(-1)!.systemId
      ].alerts.twente;
    // Stored just after the alert was published: the follower may have it a moment before.
    for (const end = Date.now() + 5_000; (await twenteAlert()).published !== next && Date.now() < end; )
      await sleep(20);
    expect(await twenteAlert()).toMatchObject({ version: next, published: next });
  });

  it('reads only the pictures whose stamp says something is due, and stamps those without one', async () => {
    const admin = await t.connect('broker-admin');
    const pictures = await bindKv(admin.jetstream(), BUCKETS.PICTURES);
    // Every picture write carried what retention counts from, whatever the policy: for the
    // one system above, p-keep's category and when it was observed (today).
    const stamps = (await lastHeaders(admin.jetstream(), BUCKETS.PICTURES, 'Samenhang-Expiry')).kept;
    expect(stamps.length).toBeGreaterThan(0);
    for (const s of stamps) {
      const [name, observed] = s.header!.split('=');
      expect(name).toBe(keptCategory);
      expect(Number(observed)).toBeGreaterThan(Date.now() - 86_400_000);
      expect(Number(observed)).toBeLessThanOrEqual(Date.now());
    }
    // Nothing due: a sweep sees every picture's stamp and reads none of them.
    await nextSweep(t.paths.logs);
    expect(await nextSweep(t.paths.logs)).toMatchObject({ pictures: stamps.length, read: 0, stamped: 0, expired: 0 });

    // A picture written without a stamp (by a service before stamps, or nats.js's own KV):
    // the next sweep reads it, finds nothing due and writes it back stamped; later sweeps skip it.
    const systemId = stamps[0]!.key;
    const entry = (await pictures.get(systemId))!;
    const bare = await pictures.update(systemId, entry.value, entry.revision);
    await waitUntil('the bare picture stamped', async () => (await pictures.get(systemId))!.revision > bare);
    await waitUntil(
      'a sweep that says it stamped one',
      () => sweeps(t.paths.logs).some((s) => s.read === 1 && s.stamped === 1 && s.expired === 0),
      5_000,
    );
    expect(Buffer.from((await pictures.get(systemId))!.value).toString('utf8')).toBe(
      Buffer.from(entry.value).toString('utf8'),
    );
    expect(
      (await lastHeaders(admin.jetstream(), BUCKETS.PICTURES, 'Samenhang-Expiry')).kept.find((s) => s.key === systemId)
        ?.header,
    ).toBe(stamps[0]!.header);
    await nextSweep(t.paths.logs);
    expect(await nextSweep(t.paths.logs)).toMatchObject({ pictures: stamps.length, read: 0, stamped: 0 });
  });

  it('after a restart under another policy reads no picture, unless that policy makes something due', async () => {
    // A signal observed 45 days ago about another household: within any retention of the
    // default policy (24 months for its category), past one of a month.
    const admin = await t.connect('broker-admin');
    const stampsNow = async () => (await lastHeaders(admin.jetstream(), BUCKETS.PICTURES, 'Samenhang-Expiry')).kept;
    const pictures = (await stampsNow()).length + 1;
    const police = await t.client('politie-oost-nederland');
    const old = {
      ...stepSignal({ ...acute, daysAgo: 45 }, Date.now()),
      signalId: 'p-old',
      severity: 'HIGH',
      relatedPersons: [],
      subject: { bsn: '999990111', name: 'X' },
      address: { postcode: '7511AA', houseNumber: 99 },
    };
    expect((await police.publish(await police.sign(signalFromJson(old)))).status).toBe(
      v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    );
    await waitUntil('p-old placed in a picture of its own', async () => (await stampsNow()).length === pictures);
    await nextSweep(t.paths.logs);
    expect(await nextSweep(t.paths.logs)).toMatchObject({ pictures, read: 0 });

    const policy = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8')) as {
      policyVersion: string;
      retention: { byCategory: Record<string, number> };
    };
    /** Restarts the consent service under `p`; resolves with its first sweep. */
    const restartUnder = async (p: typeof policy) => {
      const file = join(t.paths.root, `policy-${p.policyVersion}.json`);
      writeFileSync(file, JSON.stringify(p));
      await t.stack.services.get('consent')!.stop();
      const seen = sweeps(t.paths.logs).length; // the stopped process has written its last lines
      await t.stack.startService('consent', 1, { SAMENHANG_POLICY_FILE: file });
      await waitUntil('the first sweep under the new policy', () => sweeps(t.paths.logs).length > seen, 10_000);
      return sweeps(t.paths.logs)[seen]!;
    };
    // Another policy whose retention differs only for a category no picture holds: the
    // stamps say when retention starts counting, not what a policy made of it.
    const other = {
      ...policy,
      policyVersion: `${policy.policyVersion}-other`,
      retention: { ...policy.retention, byCategory: { ...policy.retention.byCategory, SCHOOL_ABSENCE: 6 } },
    };
    expect(await restartUnder(other)).toMatchObject({ pictures, read: 0, stamped: 0, expired: 0 });
    await untilLogged(t.paths.logs, 'consent', new RegExp(`"version":"${other.policyVersion}".*"msg":"policy loaded"`));

    // A policy that keeps the category one month: the first sweep reads p-old's picture
    // (its stamp says when p-old was observed), and only that one, and expires p-old.
    const short = {
      ...policy,
      policyVersion: `${policy.policyVersion}-short`,
      retention: { ...policy.retention, byCategory: { ...policy.retention.byCategory, [keptCategory]: 1 } },
    };
    expect(await restartUnder(short)).toMatchObject({ pictures, read: 1, expired: 1 });
    const decisions = (await readStream(admin, 'AUDIT'))
      .filter((m) => m.subject === 'samenhang.audit.decisions')
      .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')))
      .filter((d) => d.signalId === 'p-old');
    expect(decisions.map((d) => [d.decidingRule, d.policy.version])).toEqual([
      ['R7', policy.policyVersion],
      ['R14', short.policyVersion],
    ]);
    expect(await nextSweep(t.paths.logs)).toMatchObject({ pictures, read: 0, expired: 0 });
  });

  it('settles, unsent, a version it recorded for a region whose RVT left the registry, and then skips that picture', async () => {
    // The consent service restarted with Twente's RVT gone from the registry.
    const registry = JSON.parse(readFileSync(t.paths.registry, 'utf8')) as { participants: { id: string }[] };
    writeFileSync(
      t.paths.registry,
      JSON.stringify({ ...registry, participants: registry.participants.filter((p) => p.id !== 'rvt-twente') }),
    );
    await t.stack.services.get('consent')!.stop();
    await t.stack.startService('consent');
    const admin = await t.connect('broker-admin');
    const pictures = await bindKv(admin.jetstream(), BUCKETS.PICTURES);
    // The first test's system (the one with an alert for Twente), and a version the sweeper
    // recorded for Twente and has not sent (as the first test makes one).
    let systemId = '';
    for (const { key } of (await lastHeaders(admin.jetstream(), BUCKETS.PICTURES, 'Samenhang-Expiry')).kept) {
      if (twenteOf(JSON.parse(Buffer.from((await pictures.get(key))!.value).toString('utf8')))) systemId = key;
    }
    const entry = (await pictures.get(systemId))!;
    const picture = JSON.parse(Buffer.from(entry.value).toString('utf8'));
    const before = twenteOf(picture)!.alerts.twente;
    const unsent = before.version + 1;
    twenteOf(picture)!.alerts.twente = { ...before, version: unsent };
    await pictures.update(systemId, Buffer.from(JSON.stringify(picture)), entry.revision);
    const alerts = twente.alerts.length;

    const twenteAlert = async () =>
      twenteOf(JSON.parse(Buffer.from((await pictures.get(systemId))!.value).toString('utf8')))!.alerts.twente;
    await waitUntil('the version settled', async () => (await twenteAlert()).published === unsent, 10_000);
    expect(await twenteAlert()).toEqual({ version: unsent, contentSha256: before.contentSha256, published: unsent });
    await untilLogged(
      t.paths.logs,
      'consent',
      /"region":"twente","version":\d+,"msg":"alert version not sent: region has no RVT"/,
    );
    // Settled, the picture is stamped as nothing due: later sweeps do not read it again.
    await nextSweep(t.paths.logs);
    expect(await nextSweep(t.paths.logs)).toMatchObject({ read: 0, expired: 0 });
    expect(twente.alerts.length).toBe(alerts);
  });
});
