import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { v1 } from '@samenhang/proto';
import { consentFromJson } from '@samenhang/signal';
import type { AgencyClient } from '@samenhang/client';
import { loadScenario } from './helpers/scenario.js';
import { readStream, verifiedConsents, startTestStack, type TestStack } from '@samenhang/testkit';

const step = loadScenario<{ steps: { type: string; consent: Record<string, unknown> }[] }>('meneer-m').steps.find(
  (s) => s.type === 'consent',
)!;

describe('consent records through the verified gateway path', () => {
  let t: TestStack;
  let ede: AgencyClient;
  let admin: NatsConnection;
  beforeAll(async () => {
    t = await startTestStack();
    ede = await t.client('lokaalteam-ede');
    admin = await t.connect('broker-admin');
  });
  afterAll(async () => t?.close());

  it('accepts a signed consent once, answers it re-signed with DUPLICATE, and forwards it pseudonymised', async () => {
    const env = await ede.signConsent(consentFromJson(step.consent));
    const first = await ede.publishConsent(env);
    expect(first.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    // The same bytes again are stored once (the envelope's hash is the message id): the same receipt.
    expect(await ede.publishConsent(env)).toEqual(first);
    const again = await ede.publishConsent(await ede.signConsent(consentFromJson(step.consent)));
    expect([again.status, again.signalId, again.originalEnvelopeSha256]).toEqual([
      v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE,
      'c-ede-9',
      first.envelopeSha256,
    ]);
    const forwarded = await verifiedConsents(admin);
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toMatchObject({
      consentId: 'c-ede-9',
      agencyId: 'lokaalteam-ede',
      scope: ['lokaalteam-ede'],
      status: v1.ConsentStatus.CONSENT_STATUS_GIVEN,
    });
    expect(forwarded[0]!.subjectPseudonym).toMatch(/^p_/);
    const raw = (await readStream(admin, 'SIGNALS')).map((m) => Buffer.from(m.data).toString('latin1')).join();
    expect(raw).not.toContain('999990007');
  });

  it.each([
    ['bad BSN', { bsn: '999990008' }, 'ERR_BSN_INVALID'],
    ['unknown agency in scope', { scope: ['bakkerij-jansen'] }, 'ERR_SIGNAL_INVALID'],
    ['registered for another agency', { agencyId: 'ggz-centraal' }, 'ERR_AGENCY_MISMATCH'],
    [
      'recorded in the future',
      { recordedAt: new Date(Date.now() + 86_400_000).toISOString() },
      'ERR_TIMESTAMP_INVALID',
    ],
  ])('rejects a consent with %s', async (_n, over, code) => {
    const r = await ede.publishConsent(
      await ede.signConsent(
        consentFromJson({ ...step.consent, consentId: `c-${code}-${Math.random()}`.replace('.', ''), ...over }),
      ),
    );
    expect([r.status, r.code]).toEqual([v1.ReceiptStatus.RECEIPT_STATUS_REJECTED, code]);
  });

  it("refuses a consent or objection that binds another agency's signals, and those signals are decided without it", async () => {
    // A local team of Flevoland registers consent for a stranger's GGZ signals, one of Twente an objection covering the police.
    const almere = await t.client('lokaalteam-almere');
    const enschede = await t.client('lokaalteam-enschede');
    const consentFor = (c: AgencyClient, agencyId: string, scope: string[], status: string) =>
      c.signConsent(
        consentFromJson({
          consentId: `c-${agencyId}-${status}`,
          agencyId,
          bsn: '999990019',
          purpose: 'SAFETY_ASSESSMENT',
          scope,
          status,
          recordedAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      );
    const given = await almere.publishConsent(await consentFor(almere, 'lokaalteam-almere', ['ggz-centraal'], 'GIVEN'));
    expect([given.status, given.code, given.reason]).toEqual([
      v1.ReceiptStatus.RECEIPT_STATUS_REJECTED,
      'ERR_CONSENT_SCOPE',
      expect.stringContaining('/scope/0'),
    ]);
    const objection = await enschede.publishConsent(
      await consentFor(enschede, 'lokaalteam-enschede', ['lokaalteam-enschede', 'politie-oost-nederland'], 'OBJECTION'),
    );
    expect([objection.status, objection.code]).toEqual([v1.ReceiptStatus.RECEIPT_STATUS_REJECTED, 'ERR_CONSENT_SCOPE']);
    // Neither reached the consent service.
    expect((await verifiedConsents(admin)).map((c) => c.consentId)).not.toContain('c-lokaalteam-almere-GIVEN');
    expect((await verifiedConsents(admin)).map((c) => c.consentId)).not.toContain('c-lokaalteam-enschede-OBJECTION');
  });

  it('refuses a signal envelope on the consent subject (typ is checked)', async () => {
    const base = loadScenario<{ base: Record<string, unknown> }>('bad-inputs').base;
    const { signalFromJson } = await import('@samenhang/signal');
    const r = await ede.publishConsent(
      await ede.sign(signalFromJson({ ...base, observedAt: new Date().toISOString() })),
    );
    expect(r.code).toBe('ERR_HEADER_INVALID');
  });
});
