import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng } from './helpers/rng.js';
import type { NatsConnection } from 'nats';
import { ERROR_CODES } from '@samenhang/errors';
import { envelopeSha256 } from '@samenhang/envelope';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { garbage, withEnvelope } from './helpers/envelopes.js';
import { loadScenario } from './helpers/scenario.js';
import { receipts, streamCount, startTestStack, type TestStack } from '@samenhang/testkit';

const FUZZ = 10_000;

describe('ingress fuzzing: 10,000 random and mutated envelopes', () => {
  let t: TestStack;
  let admin: NatsConnection;
  beforeAll(async () => {
    t = await startTestStack({ services: ['broker-gateway'] });
    admin = await t.connect('broker-admin');
  });
  afterAll(async () => t?.close());

  it('answers each with a documented rejection (or DUPLICATE for a replay), keeps running, and accepts the valid traffic in between', async () => {
    const random = rng(42);
    const int = (n: number) => Math.floor(random() * n);
    const base = loadScenario<{ base: Record<string, unknown> }>('bad-inputs').base;
    const ede = await t.client('lokaalteam-ede');
    const observedAt = new Date(Date.now() - 60_000).toISOString();
    const valid = await ede.sign(signalFromJson({ ...base, signalId: 'fuzz-seed', observedAt }));
    const mutations: ((i: number) => Uint8Array | Promise<Uint8Array>)[] = [
      () => garbage(1 + int(2048), `g${int(1e9)}`), // random bytes
      () => valid.subarray(0, int(valid.length)), // truncated
      () => Uint8Array.from(valid, (b, j) => (j === int(valid.length) ? b ^ (1 << int(8)) : b)), // one bit flipped
      () =>
        withEnvelope(
          valid,
          (e) =>
            (e.protected = Buffer.from(
              JSON.stringify({
                alg: ['none', 'HS256', 'ES512', 'PS256'][int(4)],
                kid: 'x'.repeat(int(80)),
                typ: 'JWT',
              }),
            ).toString('base64url')),
        ),
      () =>
        withEnvelope(
          valid,
          (e) => (e.signature = Buffer.from(garbage(int(600), `s${int(1e9)}`)).toString('base64url')),
        ),
      () => withEnvelope(valid, (e) => (e.payload = garbage(int(4000), `p${int(1e9)}`))), // wrong types inside a "valid" wrapper
      () => withEnvelope(valid, (e) => (e.protected = 'é'.repeat(int(100)))),
      () => garbage(64 * 1024 + 1 + int(100_000), `big${int(1e9)}`), // huge
      (i) =>
        ede.sign(
          signalFromJson({
            ...base,
            signalId: `fuzz-f-${i}`,
            observedAt,
            summary: 'y'.repeat(int(3000)),
            region: ['foodvalley', 'twente', 'atlantis'][int(3)],
            subject: { bsn: String(100000000 + int(899999999)), name: 'N' },
          }),
        ),
      () => valid, // replayed
    ];
    const js = ede.nc.jetstream();
    const sent: { sha: string; replay: boolean; valid: boolean }[] = [];
    let validSent = 0;
    let refusedByNats = 0;
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < FUZZ; i++) {
      const kind = int(mutations.length);
      const env = await mutations[kind]!(i);
      // Every 50th message is valid traffic, interleaved with the fuzz.
      if (i % 50 === 0) {
        const ok = await ede.sign(signalFromJson({ ...base, signalId: `fuzz-valid-${i}`, observedAt }));
        sent.push({ sha: envelopeSha256(ok), replay: false, valid: true });
        batch.push(js.publish('samenhang.ingress.lokaalteam-ede', ok));
        validSent++;
      }
      // Some go to subjects this agency may not publish on: nats-server refuses them.
      if (int(20) === 0) {
        batch.push(
          js
            .publish(
              ['samenhang.ingress.ggz-centraal', 'samenhang.signals.foodvalley', 'samenhang.receipts.lokaalteam-ede'][
                int(3)
              ]!,
              env,
            )
            .then(
              () => {
                throw new Error('a forbidden publish was accepted');
              },
              (e: { code?: string }) => {
                expect(e.code).toBe('PERMISSIONS_VIOLATION');
                refusedByNats++;
              },
            ),
        );
        continue;
      }
      sent.push({ sha: envelopeSha256(env), replay: kind === mutations.length - 1, valid: false });
      batch.push(js.publish('samenhang.ingress.lokaalteam-ede', env));
      if (batch.length >= 200) await Promise.all(batch.splice(0));
    }
    await Promise.all(batch);
    for (let i = 0; i < 1200 && (await streamCount(admin, 'RECEIPTS')) < sent.length; i++)
      await new Promise((r) => setTimeout(r, 100));

    const all = await receipts(admin);
    expect(all).toHaveLength(sent.length); // exactly one receipt per envelope published
    const bySha = new Map<string, v1.Receipt[]>();
    for (const r of all) bySha.set(r.envelopeSha256, [...(bySha.get(r.envelopeSha256) ?? []), r]);
    const documented = new Set<string>(ERROR_CODES);
    for (const s of sent) {
      const rs = bySha.get(s.sha)!;
      expect(rs, s.sha).toBeDefined();
      for (const r of rs) {
        if (s.valid) expect(r.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
        else if (r.status === v1.ReceiptStatus.RECEIPT_STATUS_REJECTED)
          expect(documented.has(r.code), r.code).toBe(true);
        else
          expect(
            r.status === v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE ||
              r.status === v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
            `${r.status} ${r.code}`,
          ).toBe(true);
      }
    }
    expect(all.filter((r) => r.code === 'ERR_INTERNAL')).toEqual([]);
    expect(refusedByNats).toBeGreaterThan(300);
    expect(validSent).toBe(FUZZ / 50);
    const gateway = t.stack.services.get('broker-gateway')!;
    expect([gateway.child.exitCode, gateway.child.signalCode]).toEqual([null, null]); // never restarted
    expect(await streamCount(admin, 'INGRESS')).toBe(0);
  }, 300_000);
});
