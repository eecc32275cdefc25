import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueIdentity, revokeCertificate } from '@samenhang/certs-dev';
import { loadSigner, type AgencyClient } from '@samenhang/cli';
import { loadRegistry } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { badCaseSignal, loadScenario, type BadCase } from './helpers/scenario.js';
import { mutatedEnvelope } from './helpers/envelopes.js';
import { startTestStack, type TestStack } from './helpers/stack.js';

const scenario = loadScenario<{ base: Record<string, unknown>; cases: BadCase[] }>('bad-inputs');

describe('bad input at the gateway (real nats-server, mutual TLS)', () => {
  let t: TestStack;
  let ede: AgencyClient;
  let revokedSigner: ReturnType<typeof loadSigner>;

  beforeAll(async () => {
    t = await startTestStack({
      // A second certificate of lokaalteam-ede, revoked as after a key rotation.
      prepare: async (paths) => {
        const old = await issueIdentity(paths, loadRegistry(paths.registry), 'participant', 'lokaalteam-ede', { suffix: 'old' });
        await revokeCertificate(paths, old.kid);
      },
    });
    revokedSigner = loadSigner(t.paths, 'lokaalteam-ede.old');
    ede = await t.client('lokaalteam-ede');
  });
  afterAll(async () => t?.close());

  it.each(scenario.cases.map((c) => [c.id, c] as const))('%s gets a REJECTED receipt with its code', async (id, c) => {
    const now = Date.now();
    const signal = badCaseSignal(scenario.base, c, now, `bad-${id}`);
    const envelope = c.mutate
      ? await mutatedEnvelope(c.mutate, signal, ede, { other: loadSigner(t.paths, 'ggz-centraal'), revoked: revokedSigner })
      : await ede.sign(signalFromJson(signal));
    const receipt = await ede.publish(envelope);
    expect(receipt.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_REJECTED);
    expect(receipt.code).toBe(c.code);
    expect(receipt.agencyId).toBe('lokaalteam-ede');
    expect(receipt.reason.length).toBeGreaterThan(0);
    // A rejection never echoes personal data back.
    expect(receipt.reason).not.toContain('999990');
    expect(receipt.reason).not.toContain('Vos');
  });

  it('keeps running and accepts a valid signal afterwards', async () => {
    const gateway = t.stack.services.get('broker-gateway')!;
    const signal = badCaseSignal(scenario.base, { id: 'valid', agency: 'lokaalteam-ede', code: '' }, Date.now(), 'valid-after-bad');
    const receipt = await ede.publish(await ede.sign(signalFromJson(signal)));
    expect(receipt.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    expect(receipt.code).toBe('');
    expect(gateway.child.exitCode).toBeNull();
    expect(gateway.child.signalCode).toBeNull();
  });

  it('gives crypto failures one generic reason (no oracle)', async () => {
    const now = Date.now();
    const reasons = new Set<string>();
    for (const c of scenario.cases.filter((x) => ['ERR_SIGNATURE_INVALID', 'ERR_CERT_UNKNOWN', 'ERR_CERT_REVOKED'].includes(x.code))) {
      const signal = badCaseSignal(scenario.base, c, now, `oracle-${c.id}`);
      const env = await mutatedEnvelope(c.mutate!, signal, ede, { other: loadSigner(t.paths, 'ggz-centraal'), revoked: revokedSigner });
      reasons.add((await ede.publish(env)).reason);
    }
    expect(reasons.size).toBe(1);
  });
});
