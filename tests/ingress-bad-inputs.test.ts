import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueIdentity, revokeCertificate } from '@samenhang/certs-dev';
import { loadSigner, type AgencyClient } from '@samenhang/client';
import { loadRegistry } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import { consentFromJson, signalFromJson } from '@samenhang/signal';
import { badCaseSignal, loadScenario, type BadCase } from './helpers/scenario.js';
import { mutatedEnvelope } from './helpers/envelopes.js';
import { startTestStack, type TestStack } from '@samenhang/testkit';

const scenario = loadScenario<{ base: Record<string, unknown>; cases: BadCase[] }>('bad-inputs');

describe('bad input at the gateway (real nats-server, mutual TLS)', () => {
  let t: TestStack;
  let ede: AgencyClient;
  let revokedSigner: ReturnType<typeof loadSigner>;

  beforeAll(async () => {
    t = await startTestStack({
      // A second certificate of lokaalteam-ede, revoked as after a key rotation.
      prepare: async (paths) => {
        const old = await issueIdentity(paths, loadRegistry(paths.registry), 'participant', 'lokaalteam-ede', {
          suffix: 'old',
        });
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
      ? await mutatedEnvelope(c.mutate, signal, ede, {
          other: loadSigner(t.paths, 'ggz-centraal'),
          revoked: revokedSigner,
        })
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

  /** One length-delimited field (wire type 2) as raw bytes: tag, length, body. */
  function rawField(no: number, body: Uint8Array): Uint8Array {
    const varint = (n: number) => {
      const out: number[] = [];
      for (; n > 0x7f; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
      return [...out, n];
    };
    return Uint8Array.from([...varint(no * 8 + 2), ...varint(body.length), ...body]);
  }

  type Props = Record<string, any>;
  it.each([
    ['a 60 KB unknown field', (s: Props) => (s.$unknowns = [rawField(17, new Uint8Array(60_000).fill(0x41))]), '/#17'],
    [
      'an unknown field inside the address',
      (s: Props) => (s.address.$unknowns = [rawField(17, Uint8Array.of(1))]),
      '/address/#17',
    ],
    ['Timestamp nanos of 1e9', (s: Props) => (s.observedAt.nanos = 1_000_000_000), '/observedAt/nanos'],
  ])('refuses a validly signed signal with %s: ERR_SIGNAL_INVALID at its path', async (name, change, path) => {
    const id = `bad-strict-${path.replace(/[^a-z0-9]/gi, '')}`;
    const props = signalFromJson(
      badCaseSignal(scenario.base, { id, agency: 'lokaalteam-ede', code: '' }, Date.now(), id),
    ) as Props;
    change(props);
    // encode writes $unknowns as they are, so the field is inside the signed payload.
    const receipt = await ede.publish(await ede.sign(props));
    expect(receipt.status, name).toBe(v1.ReceiptStatus.RECEIPT_STATUS_REJECTED);
    expect(receipt.code).toBe('ERR_SIGNAL_INVALID');
    expect(receipt.reason.startsWith(`${path} `), receipt.reason).toBe(true);
    expect(receipt.signalId).toBe(id);
  });

  it('refuses a validly signed consent record with an unknown field the same way', async () => {
    const consent = consentFromJson({
      consentId: 'c-strict-1',
      agencyId: 'lokaalteam-ede',
      bsn: '999990019',
      purpose: 'SAFETY_ASSESSMENT',
      scope: ['lokaalteam-ede'],
      status: 'GIVEN',
    }) as Props;
    consent.$unknowns = [rawField(8, Uint8Array.of(1, 2, 3))];
    const receipt = await ede.publishConsent(await ede.signConsent(consent));
    expect(receipt.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_REJECTED);
    expect(receipt.code).toBe('ERR_SIGNAL_INVALID');
    expect(receipt.reason.startsWith('/#8 '), receipt.reason).toBe(true);
  });

  it('keeps running and accepts a valid signal afterwards', async () => {
    const gateway = t.stack.services.get('broker-gateway')!;
    const signal = badCaseSignal(
      scenario.base,
      { id: 'valid', agency: 'lokaalteam-ede', code: '' },
      Date.now(),
      'valid-after-bad',
    );
    const receipt = await ede.publish(await ede.sign(signalFromJson(signal)));
    expect(receipt.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    expect(receipt.code).toBe('');
    expect(gateway.child.exitCode).toBeNull();
    expect(gateway.child.signalCode).toBeNull();
  });

  it('gives crypto failures one generic reason (no oracle)', async () => {
    const now = Date.now();
    const reasons = new Set<string>();
    for (const c of scenario.cases.filter((x) =>
      ['ERR_SIGNATURE_INVALID', 'ERR_CERT_UNKNOWN', 'ERR_CERT_REVOKED'].includes(x.code),
    )) {
      const signal = badCaseSignal(scenario.base, c, now, `oracle-${c.id}`);
      const env = await mutatedEnvelope(c.mutate!, signal, ede, {
        other: loadSigner(t.paths, 'ggz-centraal'),
        revoked: revokedSigner,
      });
      reasons.add((await ede.publish(env)).reason);
    }
    expect(reasons.size).toBe(1);
  });
});
