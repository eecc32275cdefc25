import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErasureRecord } from '@samenhang/audit-log';
import type { ScenarioStep } from '@samenhang/client';
import { bindKv, kvByteStore } from '@samenhang/nats';
import { v1 } from '@samenhang/proto';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { loadBrokerKeys } from '@samenhang/service-base';
import { signalFromJson } from '@samenhang/signal';
import { publishSteps, readStream, startTestStack, type TestStack } from '@samenhang/testkit';
import { BUCKETS, signalKey } from '@samenhang/topology';
import { Vault } from '@samenhang/vault';
import { filesContaining, filesUnder } from './helpers/home-files.js';
import { AlertFollower, signalIds } from './helpers/rvt.js';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { waitUntil } from './helpers/until.js';

/**
 * Erasure as a feature: `samenhang erase` asks the consent service, which takes the person out
 * of their family's picture, destroys what the vault holds of them, corrects the alerted RVT
 * and records a tombstone. Afterwards nothing of them is readable anywhere — searched in every
 * file of the home, byte for byte — while the other members' signals stay. A withdrawal
 * destroys the withdrawn signal's sealed content, not the subject's other signals.
 */
const CLI = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const scenario = loadScenario<{ steps: (ScenarioStep & { daysAgo: number; signal?: Record<string, unknown> })[] }>(
  'meneer-m',
);
const M = { bsn: '999990007', name: 'M. Visser' };
const M_SIGNALS = ['g-77', 'j-5110', 'l-301', 'm-001', 'p-2031'];
const M_SUMMARIES = scenario.steps.flatMap((s) => (s.signal?.summary ? [String(s.signal.summary)] : []));
/** The father's own signal: it stays, and keeps the family (him and the mother) in the picture. */
const FATHER_SUMMARY = 'Vader-eigen-melding-8123 over de zorg voor zijn vrouw';
const ORDER = 'ECLI:NL:RBGEL:2026:4711';

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('samenhang erase: a person erased everywhere', () => {
  let t: TestStack;
  let admin: NatsConnection;
  let foodvalley: AlertFollower;
  let vault: Vault;

  beforeAll(async () => {
    t = await startTestStack();
    admin = await t.connect('broker-admin');
    foodvalley = await AlertFollower.open(await t.connect('rvt-foodvalley'), 'foodvalley');
    await publishSteps(t, scenario.steps);
    const l301 = scenario.steps.find((s) => s.signal?.signalId === 'l-301')!;
    const ede = await t.client('lokaalteam-ede');
    const father = {
      ...stepSignal(l301 as { daysAgo: number; signal: Record<string, unknown> }, Date.now()),
      signalId: 'l-vader-1',
      subject: { bsn: '999990019', name: 'J. Visser', birthDate: '1960-02-03' },
      relatedPersons: [
        { person: { bsn: '999990020', name: 'A. Visser-Bakker', birthDate: '1962-09-21' }, relation: 'PARTNER' },
      ],
      address: { postcode: '6711AB', houseNumber: 12 },
      summary: FATHER_SUMMARY,
    };
    expect((await ede.publish(await ede.sign(signalFromJson(father)))).status).toBe(
      v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    );
    await foodvalley.waitFor('the six-signal alert', (xs) => xs.some((x) => x.entries.length === 6));
    const js = admin.jetstream();
    const keys = loadBrokerKeys(t.paths);
    vault = new Vault(
      keys.vaultKek,
      kvByteStore(await bindKv(js, BUCKETS.VAULT_KEYS)),
      kvByteStore(await bindKv(js, BUCKETS.VAULT)),
    );
  }, 120_000);
  afterAll(async () => {
    await foodvalley.close();
    await t?.close();
  });

  it('refuses an invalid BSN, an unknown reason and a court order without its reference (exit 2)', async () => {
    const home = ['--home', t.paths.root];
    for (const args of [
      ['--bsn', '999990008', '--reason', 'AVG17_REQUEST'],
      ['--bsn', M.bsn, '--reason', 'BECAUSE'],
      ['--bsn', M.bsn, '--reason', 'COURT_ORDER'],
    ]) {
      const r = await run(['erase', ...home, ...args]);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, expect.stringContaining('samenhang erase:')]);
    }
    expect(
      (await vault.getPerson(createPseudonymizer(loadBrokerKeys(t.paths).pseudonymMaster).person(M.bsn)))?.name,
    ).toBe(M.name);
  });

  it("withdrawing a signal destroys its sealed content; the subject's other signal stays readable", async () => {
    const police = await t.client('politie-oost-nederland');
    const p2031 = scenario.steps.find((s) => s.signal?.signalId === 'p-2031')!;
    const base = stepSignal(p2031 as { daysAgo: number; signal: Record<string, unknown> }, Date.now());
    const who = { bsn: '999990111', name: 'Wim Intrekking', birthDate: '1975-03-03' };
    const at = { postcode: '6718XX', houseNumber: 7 };
    for (const [signalId, summary] of [
      ['p-w-keep', 'Blijft-leesbaar-5521'],
      ['p-w-gone', 'Wordt-vernietigd-5522'],
    ] as const) {
      const s = { ...base, signalId, subject: who, relatedPersons: [], address: at, summary };
      expect((await police.publish(await police.sign(signalFromJson(s)))).status).toBe(
        v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
      );
    }
    const person = createPseudonymizer(loadBrokerKeys(t.paths).pseudonymMaster).person(who.bsn);
    const gone = signalKey('politie-oost-nederland', 'p-w-gone');
    const keep = signalKey('politie-oost-nederland', 'p-w-keep');
    await waitUntil('both contents stored', async () => (await vault.getSignalContent(gone, person)) !== undefined);
    // The sealed bytes as stored: after the withdrawal no file of the home may hold them.
    const sealed = (await (await bindKv(admin.jetstream(), BUCKETS.VAULT)).get(`signal.${gone}`))!.value;
    const slice = Buffer.from(sealed.subarray(sealed.length - 32));
    const withdrawal = {
      ...base,
      signalId: 'p-w-gone-w',
      withdrawsSignalId: 'p-w-gone',
      subject: who,
      relatedPersons: [],
      address: at,
      observedAt: new Date().toISOString(),
    };
    expect((await police.publish(await police.sign(signalFromJson(withdrawal)))).status).toBe(
      v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    );
    await waitUntil('the content destroyed', async () => (await vault.getSignalContent(gone, person)) === undefined);
    expect((await vault.getSignalContent(keep, person))?.summary).toBe('Blijft-leesbaar-5521');
    expect((await vault.getPerson(person))?.name).toBe(who.name);
    // Overwritten where it was stored, not only marked deleted in the stream's files.
    expect(filesUnder(t.paths.root).filter((f) => readFileSync(f).includes(slice))).toEqual([]);
  });

  it('erases M: gone from the picture and every file of the home, the family stays, the RVT is corrected, a tombstone records it', async () => {
    const person = createPseudonymizer(loadBrokerKeys(t.paths).pseudonymMaster).person(M.bsn);
    const before = foodvalley.alerts.length;
    const r = await run([
      'erase',
      '--home',
      t.paths.root,
      '--bsn',
      M.bsn,
      '--reason',
      'COURT_ORDER',
      '--order',
      ORDER,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { ok: boolean; signals: number; person: string; erasureId: string };
    expect(result).toMatchObject({ ok: true, signals: 5, person });
    expect(r.stdout).not.toContain(M.bsn);

    // The RVT alerted about the family is told: a correction, and the family as it is now.
    const xs = await foodvalley.waitFor('a correction', (a) => a.slice(before).some((x) => x.correction));
    const family = xs.slice(before).find((x) => signalIds(x).includes('l-vader-1'));
    expect(family, 'a version of the family as it is now').toBeDefined();
    const picture = await foodvalley.opened(family);
    expect(signalIds(picture)).toEqual(['l-vader-1']);
    const shown = JSON.stringify(picture);
    // The father's signal is intact: shown (as an index, below the threshold), its content readable.
    const father = createPseudonymizer(loadBrokerKeys(t.paths).pseudonymMaster).person('999990019');
    expect((await vault.getSignalContent(signalKey('lokaalteam-ede', 'l-vader-1'), father))?.summary).toBe(
      FATHER_SUMMARY,
    );
    expect((await vault.getPerson(father))?.name).toBe('J. Visser');
    for (const n of [M.name, M.bsn, ...M_SUMMARIES]) expect(shown).not.toContain(n);
    for (const x of xs.slice(before)) for (const id of M_SIGNALS) expect(signalIds(x)).not.toContain(id);

    // Nothing of M readable: not in the vault, not in any file of the home.
    expect(await vault.getPerson(person)).toBeUndefined();
    await expect(
      vault.getSignalContent(signalKey('politie-oost-nederland', 'p-2031'), person),
    ).resolves.toBeUndefined();
    expect(filesContaining(t.paths.root, ['l-vader-1']).length).toBeGreaterThan(0);
    expect(filesContaining(t.paths.root, [M.bsn, M.name, ...M_SUMMARIES])).toEqual([]);

    // The tombstone: who (pseudonym), how many, why, on whose word; nothing of what was erased.
    const tombstones = (await readStream(admin, 'AUDIT'))
      .filter((m) => m.subject === 'samenhang.audit.erasures')
      .map((m) => Buffer.from(m.data).toString('utf8'));
    expect(tombstones).toHaveLength(1);
    expect(JSON.parse(tombstones[0]!) as ErasureRecord).toMatchObject({
      type: 'erasure',
      erasureId: result.erasureId,
      person,
      signals: 5,
      reason: 'COURT_ORDER',
      order: ORDER,
      by: 'broker-admin',
      byRole: 'operator',
    });
    for (const n of [M.bsn, M.name, ...M_SUMMARIES]) expect(tombstones[0]).not.toContain(n);
  });
});
