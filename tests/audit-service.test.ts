import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscardPolicy, type NatsConnection } from 'nats';
import { verifyLog } from '@samenhang/audit-log';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { readAuditLog } from '@samenhang/client';
import { openFilteredReader } from '@samenhang/nats';
import { STREAMS, subjects } from '@samenhang/topology';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { AlertFollower, signalIds } from './helpers/rvt.js';
import { untilLogged } from './helpers/logs.js';
import { readStream, streamCount, startTestStack, type TestStack } from '@samenhang/testkit';

const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;

describe('audit service', () => {
  let t: TestStack;
  let admin: NatsConnection;
  let twente: AlertFollower;
  beforeAll(async () => {
    t = await startTestStack({ serviceEnv: { SAMENHANG_CHECKPOINT_MS: '300' } });
    admin = await t.connect('broker-admin');
    twente = await AlertFollower.open(await t.connect('rvt-twente'), 'twente');
  });
  afterAll(async () => {
    await twente.close();
    await t?.close();
  });

  it('does not deliver an alert whose audit record cannot be written, and delivers it once the log is writable', async () => {
    const jsm = await admin.jetstreamManager();
    const cfg = (await jsm.streams.info(STREAMS.AUDIT)).config;
    // Break the audit path: the AUDIT stream refuses anything new.
    await jsm.streams.update(STREAMS.AUDIT, {
      ...cfg,
      max_msgs: Math.max(1, await streamCount(admin, STREAMS.AUDIT)),
      discard: DiscardPolicy.New,
    });
    await admin
      .jetstream()
      .publish('samenhang.audit.probe', '{}')
      .catch(() => undefined); // fill to the cap
    const police = await t.client('politie-oost-nederland');
    const r = await police.publish(await police.sign(signalFromJson(stepSignal(acute, Date.now()))));
    expect(r.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED); // the signal itself is safe in JetStream
    await sleep(3000);
    expect(twente.alerts).toEqual([]); // nothing disclosed unlogged
    // Nor does any picture hold the entry: the RVT's picture request would show it.
    const pictures = (await readStream(admin, 'KV_PICTURES')).map((m) => Buffer.from(m.data).toString('utf8'));
    expect(pictures.filter((p) => p.includes('"signalId":"p-9001"'))).toEqual([]);
    await jsm.streams.update(STREAMS.AUDIT, { ...cfg, max_msgs: -1, discard: DiscardPolicy.Old });
    const [alert] = await twente.waitFor('the alert after the log recovered', (xs) => xs.length > 0, 20_000);
    expect(signalIds(alert!)).toEqual(['p-9001']);
    const disclosures = (await readStream(admin, STREAMS.AUDIT))
      .filter((m) => m.subject === 'samenhang.audit.disclosures')
      .map((m) => JSON.parse(Buffer.from(m.data).toString()));
    expect(disclosures.map((d) => d.disclosureId)).toContain(alert!.disclosureId);
  });

  it('keeps the privacy officer to the audit log, and everyone else out of it', async () => {
    const po = await t.connect('privacy-officer');
    await expect(
      po.jetstream().publish(subjects.ingress('privacy-officer'), new Uint8Array([1])),
    ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    await expect(po.jetstream().publish('samenhang.audit.decisions', '{}')).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
    await expect(openFilteredReader(po, STREAMS.ALERTS, subjects.alerts('twente'))).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
    await expect(
      openFilteredReader(po, STREAMS.RECEIPTS, subjects.receipts('politie-oost-nederland')),
    ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    const reader = await openFilteredReader(po, STREAMS.AUDIT, 'samenhang.audit.>', { deliver: 'all' });
    await reader.close();
    for (const id of ['rvt-twente', 'politie-oost-nederland', 'ggz-centraal', 'lokaalteam-ede']) {
      const nc = await t.connect(id);
      await expect(openFilteredReader(nc, STREAMS.AUDIT, 'samenhang.audit.>'), id).rejects.toMatchObject({
        code: 'PERMISSIONS_VIOLATION',
      });
      await expect(nc.jetstream().publish('samenhang.audit.decisions', '{}'), id).rejects.toMatchObject({
        code: 'PERMISSIONS_VIOLATION',
      });
    }
  });

  it('continues the same tree after a restart and signs a final checkpoint on shutdown', async () => {
    const trust = { ca: new X509Certificate(readFileSync(t.paths.caCert)), trustDomain: 'samenhang.dev' };
    const audit = t.stack.services.get('audit')!;
    await audit.stop(); // SIGTERM: drains and signs a final checkpoint
    const afterStop = await verifyLog(await readAuditLog(t.paths), trust, null);
    expect(afterStop).toMatchObject({ ok: true, uncovered: 0 });
    const before = afterStop.latest!;
    await t.stack.startService('audit');
    const police = await t.client('politie-oost-nederland');
    await police.publish(await police.sign(signalFromJson({ ...stepSignal(acute, Date.now()), signalId: 'p-9002' })));
    let report = afterStop;
    for (
      let i = 0;
      i < 100 && !(report.ok && report.latest!.treeSize > before.treeSize && report.uncovered === 0);
      i++
    ) {
      await sleep(100);
      report = await verifyLog(await readAuditLog(t.paths), trust, before);
    }
    // Consistent with the checkpoint from before the restart: the same tree, grown.
    expect(report).toMatchObject({ ok: true, uncovered: 0 });
    expect(report.latest!.treeSize).toBeGreaterThan(before.treeSize);
    await untilLogged(t.paths.logs, 'audit', new RegExp(`"treeSize":${before.treeSize},"msg":"audit ready"`));
  });
});
