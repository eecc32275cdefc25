import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { verifyLog } from '@samenhang/audit-log';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { openFilteredReader, readAll } from '@samenhang/nats';
import { AUDIT_CONSUMER, BUCKETS, STREAMS, subjects } from '@samenhang/topology';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { AlertFollower } from './helpers/rvt.js';
import { readStream, streamCount, stackPerSuite } from '@samenhang/testkit';

/**
 * What a participant holding a real certificate tried against the broker, each as a
 * regression: a requester steering the picture answer (reply-subject injection), and
 * participants touching consumers they did not create. Every cell asserts the refusal
 * and that the target is unchanged afterwards.
 */
const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;
const twenteHousehold = v1.PictureRequest.encode({ address: { postcode: '7511JK', houseNumber: 8 } }).finish();

/** A raw JetStream API call as `nc`; resolves with the error code, or 'ok'. */
async function api(nc: NatsConnection, subject: string, body: unknown = {}): Promise<string> {
  try {
    const r = await nc.request(subject, JSON.stringify(body), { timeout: 3000 });
    const reply = JSON.parse(Buffer.from(r.data).toString()) as { error?: { code: number; description: string } };
    return reply.error ? `api ${reply.error.code}` : 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe('a dishonest participant', () => {
  const s = stackPerSuite({ serviceEnv: { SAMENHANG_CHECKPOINT_MS: '300' } });
  let systemKey = '';

  it('gets an alerted family into twente first (the target of what follows)', async () => {
    const twente = await AlertFollower.open(await s.t.connect('rvt-twente'), 'twente');
    const police = await s.t.client('politie-oost-nederland');
    await police.publish(await police.sign(signalFromJson(stepSignal(acute, Date.now()))));
    await twente.waitFor('the acute alert', (xs) => xs.length > 0);
    await twente.close();
    const kv = await s.admin.jetstream().views.kv(BUCKETS.PICTURES);
    for await (const k of await kv.keys()) if (k.startsWith('sys')) systemKey = k;
    expect(systemKey).not.toBe('');
  });

  it("cannot steer the picture answer into alerts, the audit log, a picture, the audit state or another's inbox", async () => {
    const rvt = await s.t.connect('rvt-twente');
    const other = await s.t.connect('rvt-foodvalley');
    const heardByOther: string[] = [];
    other.subscribe('_INBOX_rvt-foodvalley.>', { callback: (_e, m) => heardByOther.push(m.subject) });
    await other.flush();
    const kv = (b: string) => s.admin.jetstream().views.kv(b);
    const picture = await (await kv(BUCKETS.PICTURES)).get(systemKey);
    const state = await (await kv(BUCKETS.AUDIT_STATE)).get('log');
    const alertsBefore = await streamCount(s.admin, STREAMS.ALERTS);
    for (const reply of [
      subjects.alerts('foodvalley'),
      'samenhang.audit.decisions',
      `$KV.${BUCKETS.PICTURES}.${systemKey}`,
      `$KV.${BUCKETS.AUDIT_STATE}.log`,
      '_INBOX_rvt-foodvalley.stolen',
    ]) {
      rvt.publish(subjects.picture('twente'), twenteHousehold, { reply });
    }
    await rvt.flush();
    await sleep(1500);
    expect(await streamCount(s.admin, STREAMS.ALERTS)).toBe(alertsBefore);
    expect(heardByOther).toEqual([]);
    expect((await (await kv(BUCKETS.PICTURES)).get(systemKey))?.revision).toBe(picture?.revision);
    const stateAfter = await (await kv(BUCKETS.AUDIT_STATE)).get('log');
    // The audit state only ever moves forward through the audit service (valid JSON), never to an answer's bytes.
    expect(() => JSON.parse(Buffer.from(stateAfter!.value).toString())).not.toThrow();
    expect(stateAfter!.revision).toBeGreaterThanOrEqual(state!.revision);
    const audit = await readStream(s.admin, STREAMS.AUDIT);
    const records = audit.filter(
      (m) => m.subject === 'samenhang.audit.decisions' || m.subject === 'samenhang.audit.disclosures',
    );
    for (const m of records) expect(() => JSON.parse(Buffer.from(m.data).toString()), m.subject).not.toThrow();
    // The legitimate request still gets its answer, and the log still verifies.
    const answer = v1.HouseholdAlert.decode(
      (await rvt.request(subjects.picture('twente'), twenteHousehold, { timeout: 10_000 })).data,
    );
    expect(answer.entries.map((e) => e.signalId)).toEqual(['p-9001']);
    const po = await s.t.connect('privacy-officer');
    await sleep(800); // a checkpoint over the newest records
    const trust = { ca: new X509Certificate(readFileSync(s.t.paths.caCert)), trustDomain: 'samenhang.dev' };
    const report = await verifyLog(await readAll(po, STREAMS.AUDIT, 'samenhang.audit.>'), trust, null);
    expect(report.ok, JSON.stringify(report.problem)).toBe(true);
  });

  it("the privacy officer can neither update, delete, pull from nor inspect the audit service's consumer", async () => {
    const po = await s.t.connect('privacy-officer');
    const before = await (await s.admin.jetstreamManager()).consumers.info(STREAMS.AUDIT, AUDIT_CONSUMER);
    const filter = 'samenhang.audit.>';
    const cells = {
      update: await api(po, `$JS.API.CONSUMER.CREATE.${STREAMS.AUDIT}.${AUDIT_CONSUMER}.${filter}`, {
        stream_name: STREAMS.AUDIT,
        config: { ...before.config, headers_only: true },
      }),
      delete: await api(po, `$JS.API.CONSUMER.DELETE.${STREAMS.AUDIT}.${AUDIT_CONSUMER}`),
      next: await api(po, `$JS.API.CONSUMER.MSG.NEXT.${STREAMS.AUDIT}.${AUDIT_CONSUMER}`, { batch: 1, expires: 1e9 }),
      info: await api(po, `$JS.API.CONSUMER.INFO.${STREAMS.AUDIT}.${AUDIT_CONSUMER}`),
      legacyDurable: await api(po, `$JS.API.CONSUMER.DURABLE.CREATE.${STREAMS.AUDIT}.${AUDIT_CONSUMER}`, {
        stream_name: STREAMS.AUDIT,
        config: before.config,
      }),
    };
    expect(cells).toEqual({
      update: 'PERMISSIONS_VIOLATION',
      delete: 'PERMISSIONS_VIOLATION',
      next: 'PERMISSIONS_VIOLATION',
      info: 'PERMISSIONS_VIOLATION',
      legacyDurable: 'PERMISSIONS_VIOLATION',
    });
    const after = await (await s.admin.jetstreamManager()).consumers.info(STREAMS.AUDIT, AUDIT_CONSUMER);
    expect(after.config.headers_only ?? false).toBe(false);
    expect(after.created).toBe(before.created);
  });

  it("one participant cannot read from, update, inspect or delete another's reader, even knowing its name", async () => {
    const twente = await s.t.connect('rvt-twente');
    const victim = await openFilteredReader(twente, STREAMS.ALERTS, subjects.alerts('twente'), { deliver: 'all' });
    const delivered: string[] = [];
    const loop = (async () => {
      for await (const m of victim) delivered.push(m.subject);
    })();
    const ede = await s.t.connect('lokaalteam-ede');
    const receipts = await openFilteredReader(ede, STREAMS.RECEIPTS, subjects.receipts('lokaalteam-ede'), {
      deliver: 'all',
    });
    const cases: [string, string, string, string][] = [
      // attacker, stream, victim consumer, the attacker's own allowed filter
      ['rvt-foodvalley', STREAMS.ALERTS, victim.name, subjects.alerts('foodvalley')],
      ['ggz-centraal', STREAMS.RECEIPTS, receipts.name, subjects.receipts('ggz-centraal')],
    ];
    for (const [attacker, stream, name, ownFilter] of cases) {
      const nc = await s.t.connect(attacker);
      const inbox = `_INBOX_${attacker}.hijack`;
      const cells = {
        next: await api(nc, `$JS.API.CONSUMER.MSG.NEXT.${stream}.${name}`, { batch: 1, expires: 1e9 }),
        info: await api(nc, `$JS.API.CONSUMER.INFO.${stream}.${name}`),
        delete: await api(nc, `$JS.API.CONSUMER.DELETE.${stream}.${name}`),
        // Its own filter is allowed, but the consumer exists with another's filter and inbox.
        takeOver: await api(nc, `$JS.API.CONSUMER.CREATE.${stream}.${name}.${ownFilter}`, {
          stream_name: stream,
          config: {
            name,
            deliver_subject: inbox,
            filter_subject: ownFilter,
            ack_policy: 'none',
            deliver_policy: 'all',
          },
        }),
      };
      expect(cells.next, attacker).toBe('PERMISSIONS_VIOLATION');
      expect(cells.info, attacker).toBe('PERMISSIONS_VIOLATION');
      expect(cells.delete, attacker).toBe('PERMISSIONS_VIOLATION');
      expect(cells.takeOver, attacker).toMatch(/^api /);
      const info = await (await s.admin.jetstreamManager()).consumers.info(stream, name);
      expect(info.config.deliver_subject, attacker).not.toBe(inbox);
      expect(info.config.filter_subject, attacker).not.toBe(ownFilter);
    }
    // The victim's reader still works: its alert arrives.
    for (let i = 0; i < 50 && delivered.length === 0; i++) await sleep(100);
    expect(delivered).toEqual([subjects.alerts('twente')]);
    await victim.close();
    await receipts.close();
    await loop;
  });
});
