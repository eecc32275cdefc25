import { describe, expect, it } from 'vitest';
import { testBsns, consumerIdle, readStream, stackPerSuite } from '@samenhang/testkit';
import { toTimestamp, v1 } from '@samenhang/proto';
import { consentFromJson, signalFromJson } from '@samenhang/signal';
import { CONSENT_CONSUMER, STREAMS } from '@samenhang/topology';
import { loadScenario } from './helpers/scenario.js';

const N = 40;
const AGENCY = 'lokaalteam-ede';

/**
 * The consent handler stores a consent and then reads pictures; the signal handler
 * stores its entry and then checks consents again: whichever comes second sees the
 * other. Here both arrive at once for 40 persons, and every entry must end up decided
 * under the withdrawal, never left disclosed on the consent it replaced. (A signal
 * handler that skips its re-check once consents moved leaves some disclosed here; the
 * consent handler's side is tested on a settled picture in consent-service.test.ts.)
 */
describe('a consent withdrawal and a signal for the same person at the same moment', () => {
  const s = stackPerSuite();

  it('leaves no entry disclosed on a consent withdrawn at the same moment', async () => {
    const ede = await s.t.client(AGENCY);
    const persons = testBsns(N, 810_000_000);
    const consent = (i: number, status: 'GIVEN' | 'WITHDRAWN', agoMs: number) => {
      const c = consentFromJson({
        consentId: `race-${i}-${status}`,
        agencyId: AGENCY,
        bsn: persons[i],
        purpose: 'SAFETY_ASSESSMENT',
        scope: [AGENCY],
        status,
      });
      c.recordedAt = toTimestamp(Date.now() - agoMs);
      return ede.signConsent(c);
    };
    const l301 = loadScenario<{ steps: { signal?: Record<string, unknown> }[] }>('meneer-m').steps.find(
      (s) => s.signal?.signalId === 'l-301',
    )!.signal!;
    const signal = (i: number) =>
      ede.sign(
        signalFromJson({
          ...l301,
          signalId: `race-${i}`,
          subject: { bsn: persons[i], name: 'R. Test' },
          address: { postcode: '6717CD', houseNumber: 100 + i },
          observedAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      );

    // Consent given earlier, and settled: a signal decided on it alone would be disclosed.
    for (const r of await Promise.all(
      Array.from({ length: N }, async (_, i) => ede.publishConsent(await consent(i, 'GIVEN', 120_000))),
    )) {
      expect(r.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    }
    await consumerIdle(s.admin, STREAMS.SIGNALS, CONSENT_CONSUMER);

    // Then, per person, the withdrawal and a consent-based signal together.
    const [withdrawals, signals] = await Promise.all([
      Promise.all(Array.from({ length: N }, (_, i) => consent(i, 'WITHDRAWN', 0))),
      Promise.all(Array.from({ length: N }, (_, i) => signal(i))),
    ]);
    const receipts = await Promise.all(
      Array.from({ length: N }, (_, i) => [ede.publishConsent(withdrawals[i]!), ede.publish(signals[i]!)]).flat(),
    );
    for (const r of receipts) expect(r.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    await consumerIdle(s.admin, STREAMS.SIGNALS, CONSENT_CONSUMER, 60_000);

    const decided = new Map<string, string>();
    for (const m of await readStream(s.admin, 'KV_PICTURES')) {
      const p = JSON.parse(Buffer.from(m.data).toString('utf8'));
      for (const e of Object.values(p.entries ?? {}) as {
        signalId: string;
        decision: { outcome: string; decidingRule: string };
      }[]) {
        decided.set(e.signalId, `${e.decision.outcome} ${e.decision.decidingRule}`);
      }
    }
    const expected = Array.from({ length: N }, (_, i) => [`race-${i}`, 'HOLD R15']);
    expect(expected.map(([id]) => [id, decided.get(id!)])).toEqual(expected);
  });
});
