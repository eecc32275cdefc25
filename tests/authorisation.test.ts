import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshNatsUsers } from '@samenhang/launcher';
import { openFilteredReader, connectAs } from '@samenhang/nats';
import { readStackInfo } from '@samenhang/service-base';
import { revokeIdentity } from '@samenhang/certs-dev';
import { startTestStack, type TestStack } from '@samenhang/testkit';

describe('no one where they do not belong (nats-server permissions from the registry)', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => t?.close());

  it("refuses an agency's publish on another agency's ingress and consent subjects", async () => {
    const ede = await t.connect('lokaalteam-ede');
    const js = ede.jetstream();
    await expect(js.publish('samenhang.ingress.lokaalteam-ede', new Uint8Array([1]))).resolves.toMatchObject({
      stream: 'INGRESS',
    });
    for (const subject of [
      'samenhang.ingress.ggz-centraal',
      'samenhang.signals.foodvalley',
      'samenhang.receipts.ggz-centraal',
    ]) {
      await expect(js.publish(subject, new Uint8Array([1])), subject).rejects.toMatchObject({
        code: 'PERMISSIONS_VIOLATION',
      });
    }
  });

  it("lets an agency read its own receipts but not another agency's", async () => {
    const ede = await t.connect('lokaalteam-ede');
    const own = await openFilteredReader(ede, 'RECEIPTS', 'samenhang.receipts.lokaalteam-ede');
    await own.close();
    await expect(openFilteredReader(ede, 'RECEIPTS', 'samenhang.receipts.ggz-centraal')).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
    await expect(openFilteredReader(ede, 'RECEIPTS', 'samenhang.receipts.>')).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
    const jsm = await ede.jetstreamManager({ checkAPI: false });
    await expect(jsm.streams.info('RECEIPTS')).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    await expect(jsm.streams.info('SIGNALS')).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
  });

  it('cannot subscribe to internal subjects or other inboxes', async () => {
    const ede = await t.connect('lokaalteam-ede');
    for (const subject of ['samenhang.signals.>', '_INBOX_ggz-centraal.>', '_INBOX.>']) {
      const sub = ede.subscribe(subject);
      const done = (async () => {
        for await (const _ of sub) break;
      })();
      await expect(done, subject).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    }
  });

  it('lets a service answer into the inboxes of those who may ask it, and no others', async () => {
    // Named grants replace nats-server's per-delivery reply grants (permissions.ts).
    const rvt = await t.connect('rvt-foodvalley');
    const heard: string[] = [];
    const sub = rvt.subscribe('_INBOX_rvt-foodvalley.test.>', { callback: (_e, m) => heard.push(m.subject) });
    await rvt.flush();
    const responder = await t.connect('picture-responder');
    responder.publish('_INBOX_rvt-foodvalley.test.1', new Uint8Array([1]));
    await responder.flush();
    for (let i = 0; i < 50 && heard.length === 0; i++) await sleep(20);
    expect(heard).toEqual(['_INBOX_rvt-foodvalley.test.1']);
    sub.unsubscribe();
    const forbidden: [string, string][] = [
      // The responder may write nowhere but askers' inboxes: a steered reply lands nowhere.
      ['picture-responder', 'samenhang.alerts.twente'],
      ['picture-responder', 'samenhang.audit.decisions'],
      ['picture-responder', '$KV.PICTURES.sys_x'],
      ['picture-responder', '$KV.AUDIT_STATE.state'],
      ['picture-responder', '_INBOX_ggz-centraal.x'],
      ['picture-responder', '_INBOX_broker-admin.x'],
      // The identity that writes alerts, audit records and pictures answers no participant.
      ['consent', '_INBOX_rvt-foodvalley.x'],
      ['consent', '_INBOX_ggz-centraal.x'],
      ['consent', '_INBOX.x'],
      ['broker-gateway', '_INBOX_rvt-foodvalley.x'],
      ['audit', '_INBOX_console.x'],
      ['console', '_INBOX_broker-admin.x'],
    ];
    for (const [identity, subject] of forbidden) {
      const nc = await t.connect(identity);
      await expect(
        nc.request(subject, new Uint8Array([1]), { timeout: 2000 }),
        `${identity} → ${subject}`,
      ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    }
  });

  it('refuses a connection from a revoked identity once the server is reloaded', async () => {
    await revokeIdentity(t.paths, 'lokaalteam-almere');
    await refreshNatsUsers(t.paths, readStackInfo(t.paths).natsNodes);
    // The reload is asynchronous: keep trying until the server refuses (bounded).
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++) {
      try {
        const nc = await connectAs({
          paths: t.paths,
          servers: t.stack.servers,
          identity: 'lokaalteam-almere',
          maxReconnectAttempts: 0,
          timeoutMs: 2000,
        });
        await nc.close();
        await sleep(100);
      } catch {
        refused = true;
      }
    }
    expect(refused).toBe(true);
    // Everyone else is unaffected.
    const ede = await connectAs({
      paths: t.paths,
      servers: t.stack.servers,
      identity: 'lokaalteam-ede',
      maxReconnectAttempts: 0,
    });
    await ede.close();
  });
});
