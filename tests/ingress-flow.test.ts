import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { outcomeOf } from '@samenhang/client';
import { envelopeSha256 } from '@samenhang/envelope';
import { v1 } from '@samenhang/proto';
import { subjects } from '@samenhang/topology';
import { signalFromJson } from '@samenhang/signal';
import { personalValues } from './helpers/personal.js';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { serviceLogs } from './helpers/logs.js';
import { readStream, receipts, verifiedSignals, startTestStack, type TestStack } from '@samenhang/testkit';
import { waitUntil } from './helpers/until.js';

interface Step {
  type: string;
  agency: string;
  daysAgo: number;
  signal: Record<string, unknown>;
}
const meneerM = loadScenario<{ steps: Step[] }>('meneer-m');
const signalSteps = meneerM.steps.filter((s) => s.type === 'signal');

const personalValuesOfM = () => personalValues(signalSteps.map((s) => s.signal));

describe('accepted signals (real nats-server, mutual TLS)', () => {
  let t: TestStack;
  let admin: NatsConnection;

  beforeAll(async () => {
    t = await startTestStack();
    admin = await t.connect('broker-admin');
    const now = Date.now();
    for (const step of signalSteps) {
      const client = await t.client(step.agency);
      const receipt = await client.publish(await client.sign(signalFromJson(stepSignal(step, now))));
      expect(receipt.status, `${step.signal.signalId}: ${receipt.code} ${receipt.reason}`).toBe(
        v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
      );
    }
  });
  afterAll(async () => t?.close());

  it('publishes each Meneer M signal once on its region, pseudonymised', async () => {
    const signals = await verifiedSignals(admin);
    expect(signals.map((s) => s.signalId).sort()).toEqual(signalSteps.map((s) => s.signal.signalId).sort());
    // The same person gets the same pseudonym from every agency: that is what lets signals meet.
    expect(new Set(signals.map((s) => s.subjectPseudonym)).size).toBe(1);
    const m001 = signals.find((s) => s.signalId === 'm-001')!;
    expect(m001.relatedPersons).toHaveLength(4);
    expect(m001.agencyKind).toBe('RVT');
    expect(m001.householdKey).toMatch(/^h_[A-Za-z0-9_-]{43}$/);
    const atFlat = signals.filter((s) => s.signalId !== 'm-001').map((s) => s.householdKey);
    expect(new Set(atFlat).size).toBe(1); // 6717CD 3B, however many agencies write it
    expect(atFlat[0]).not.toBe(m001.householdKey);
  });

  it('answers the same envelope again with its first outcome, a re-signed one with DUPLICATE naming the first, and stores it once', async () => {
    const client = await t.client('politie-oost-nederland');
    const step = { ...signalSteps[1]!, signal: { ...signalSteps[1]!.signal, signalId: 'dup-1' } };
    const envelope = await client.sign(signalFromJson(stepSignal(step, Date.now())));
    const sha = envelopeSha256(envelope);
    const first = await client.publish(envelope);
    const second = await client.publish(envelope);
    expect(first.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    // Published with its SHA-256 as message id, the same bytes are stored once: the same receipt.
    expect(second).toEqual(first);
    // A copy stored anyway (no message id, as after the duplicate window) is a DUPLICATE naming
    // these very bytes as the envelope that holds the id: the first copy was accepted.
    await client.nc.jetstream().publish(subjects.ingress('politie-oost-nederland'), envelope);
    let copies: v1.Receipt[] = [];
    await waitUntil('the copy answered', async () => {
      copies = (await receipts(admin)).filter((r) => r.envelopeSha256 === sha);
      return copies.length === 2;
    });
    expect(copies.map((r) => [r.status, r.originalEnvelopeSha256])).toEqual([
      [v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED, ''],
      [v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE, sha],
    ]);
    expect(outcomeOf(copies[1]!).status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    // Re-signed (new bytes, same id) is a duplicate: the id is the dedup key; the receipt names the envelope holding it.
    const third = await client.publish(await client.sign(signalFromJson(stepSignal(step, Date.now()))));
    expect([third.status, third.signalId, third.originalEnvelopeSha256]).toEqual([
      v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE,
      'dup-1',
      sha,
    ]);
    expect(outcomeOf(third)).toBe(third);
    const stored = (await verifiedSignals(admin)).filter((s) => s.signalId === 'dup-1');
    expect(stored).toHaveLength(1);
  });

  it('keeps raw BSNs, names, addresses and summaries out of SIGNALS, RECEIPTS, the vault and the logs', async () => {
    const values = personalValuesOfM();
    expect(values).toContain('999990007');
    expect(values).toContain('M. Visser');
    const haystacks: [string, string][] = [];
    for (const stream of ['SIGNALS', 'RECEIPTS', 'KV_VAULT', 'KV_VAULT_KEYS', 'KV_SIGNAL_INDEX']) {
      const msgs = await readStream(admin, stream);
      expect(msgs.length, stream).toBeGreaterThan(0);
      haystacks.push([stream, msgs.map((m) => Buffer.from(m.data).toString('latin1')).join('\n')]);
    }
    const logs = await serviceLogs(t.paths.logs);
    expect(logs.find(([f]) => f === 'broker-gateway.log')?.[1]).toContain('"msg":"receipt sent"');
    haystacks.push(...logs);
    for (const [where, text] of haystacks) {
      for (const v of values) expect(text.includes(v), `${JSON.stringify(v)} found in ${where}`).toBe(false);
    }
  });

  it('can read back what the vault holds, with the broker key only', async () => {
    const { loadBrokerKeys } = await import('@samenhang/service-base');
    const { kvByteStore } = await import('@samenhang/nats');
    const { Vault } = await import('@samenhang/vault');
    const { createPseudonymizer } = await import('@samenhang/pseudonym');
    const keys = loadBrokerKeys(t.paths);
    const js = admin.jetstream();
    const vault = new Vault(
      keys.vaultKek,
      kvByteStore(await js.views.kv('VAULT_KEYS')),
      kvByteStore(await js.views.kv('VAULT')),
    );
    const m = createPseudonymizer(keys.pseudonymMaster).person('999990007');
    expect(await vault.getPerson(m)).toEqual({ bsn: '999990007', name: 'M. Visser', birthDate: '1991-05-14' });
    const father = createPseudonymizer(keys.pseudonymMaster).person('999990019');
    expect((await vault.getPerson(father))?.name).toBe('J. Visser');
  });
});
