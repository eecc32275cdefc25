import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { verifyLog } from '@samenhang/audit-log';
import { AgencyClient, publishStep, readAuditLog, type ScenarioStep } from '@samenhang/client';
import { consumerIdle } from '@samenhang/testkit';
import { homePaths, readEnv } from '@samenhang/config';
import { v1 } from '@samenhang/proto';
import { startStack, type RunningStack } from '@samenhang/launcher';
import { bindKv, connectAs } from '@samenhang/nats';
import { BUCKETS, subjects } from '@samenhang/topology';
import { loadScenario } from './helpers/scenario.js';
import { AlertFollower } from './helpers/rvt.js';
import { alertVersions } from './helpers/outcome.js';

const steps = loadScenario<{ steps: ScenarioStep[] }>('meneer-m').steps;

describe('the whole stack stopped and started again', () => {
  it('keeps its state: no signal re-alerted, duplicates still known, pictures answer, the audit log verifies', async () => {
    const root = mkdtempSync(join(tmpdir(), 'samenhang-restart-'));
    const paths = homePaths(root);
    const trust = { ca: undefined as unknown as X509Certificate, trustDomain: 'samenhang.dev' };
    let stack: RunningStack | undefined;
    try {
      stack = await startStack(paths, readEnv());
      trust.ca = new X509Certificate(readFileSync(paths.caCert));
      const now = Date.now();
      for (const step of steps) {
        const c = await AgencyClient.open(paths, stack.servers, step.agency);
        expect((await publishStep(c, step, now)).status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
        await c.close();
      }
      const admin1 = await connectAs({ paths, servers: stack.servers, identity: 'broker-admin' });
      await consumerIdle(admin1, 'SIGNALS', 'consent');
      await sleep(500);
      // How many versions depends on how the consent service's handlers overlapped
      // (two signals of one system may share a version); what was sent is what counts.
      const versions = [...(await alertVersions(admin1))].filter(([key]) => key.endsWith('/foodvalley'));
      expect(versions).toHaveLength(1); // one family system
      const sent = versions[0]![1];
      expect(sent.length).toBeGreaterThanOrEqual(3);
      await admin1.close();
      await stack.stop(); // SIGTERM to every service, then nats-server; the audit service signs a final checkpoint
      const before = await (async () => {
        stack = await startStack(paths, readEnv()); // same home: same store, PKI and keys; new ports
        return verifyLog(await readAuditLog(paths), trust, null);
      })();
      expect(before).toMatchObject({ ok: true, uncovered: 0 });

      const rvt = await connectAs({ paths, servers: stack.servers, identity: 'rvt-foodvalley' });
      const follower = await AlertFollower.open(rvt, 'foodvalley');
      await sleep(2000); // the restarted consent service has had time to (wrongly) re-alert
      expect(follower.alerts.map((a) => a.version)).toEqual(sent); // exactly the alerts from before the restart
      expect(follower.alerts.at(-1)!.entries).toHaveLength(5);
      // The last version was settled by the write that recorded it (claimed by its signal's
      // message, which was acknowledged once the alert was sent): nothing for a restart to re-send.
      const admin2 = await connectAs({ paths, servers: stack.servers, identity: 'broker-admin' });
      const systemId = follower.alerts.at(-1)!.systemId;
      const picture = await (await bindKv(admin2.jetstream(), BUCKETS.PICTURES)).get(systemId);
      expect(
        JSON.parse(Buffer.from(picture!.value).toString('utf8')).systems[systemId].alerts.foodvalley,
      ).toMatchObject({
        version: sent.at(-1),
        published: sent.at(-1),
      });
      await admin2.close();
      const ede = await AgencyClient.open(paths, stack.servers, 'lokaalteam-ede');
      expect((await publishStep(ede, steps.at(-1)!, now)).status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE);
      const reply = v1.HouseholdAlert.decode(
        (
          await rvt.request(
            subjects.picture('foodvalley'),
            v1.PictureRequest.encode({
              address: { postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' },
            }).finish(),
            { timeout: 10_000 },
          )
        ).data,
      );
      expect(reply.entries).toHaveLength(5);
      let after = await verifyLog(await readAuditLog(paths), trust, before.latest);
      for (let i = 0; i < 50 && !(after.ok && after.uncovered === 0); i++) {
        await sleep(200);
        after = await verifyLog(await readAuditLog(paths), trust, before.latest);
      }
      expect(after).toMatchObject({ ok: true, uncovered: 0 }); // consistent with the log before the restart
      await follower.close();
      await ede.close();
      await rvt.close();
    } finally {
      await stack?.stop(); // also when an expectation failed: no process outlives the test
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
