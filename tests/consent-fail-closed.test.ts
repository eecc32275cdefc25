import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_FILE } from '@samenhang/policy';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { healthReports, readStream, startTestStack } from '@samenhang/testkit';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { untilLogged } from './helpers/logs.js';
import { AlertFollower } from './helpers/rvt.js';

const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;
const corrupt = join(tmpdir(), `samenhang-corrupt-policy-${process.pid}.json`);
writeFileSync(corrupt, readFileSync(DEFAULT_POLICY_FILE, 'utf8').slice(0, 500));
afterAll(() => rmSync(corrupt, { force: true })); // one file per run was left in the temp folder

describe.each([
  ['a corrupt policy file', { SAMENHANG_POLICY_FILE: corrupt }, /ERR_POLICY_INVALID: policy is not valid JSON/],
  [
    'a policy that does not match its pin',
    { SAMENHANG_POLICY_FILE: DEFAULT_POLICY_FILE, SAMENHANG_POLICY_SHA256: '0'.repeat(64) },
    /does not match the pinned/,
  ],
])('fail closed with %s', (_name, env, logged) => {
  it('decides DENY under R0, discloses nothing, keeps running and says why', async () => {
    const t = await startTestStack({ serviceEnv: env });
    try {
      const twente = await AlertFollower.open(await t.connect('rvt-twente'), 'twente');
      const police = await t.client('politie-oost-nederland');
      const r = await police.publish(await police.sign(signalFromJson(stepSignal(acute, Date.now()))));
      expect(r.status).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
      const admin = await t.connect('broker-admin');
      let decisions: any[] = [];
      for (let i = 0; i < 100 && decisions.length === 0; i++) {
        decisions = (await readStream(admin, 'AUDIT'))
          .filter((m) => m.subject === 'samenhang.audit.decisions')
          .map((m) => JSON.parse(Buffer.from(m.data).toString('utf8')));
        await sleep(100);
      }
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({
        signalId: 'p-9001',
        outcome: 'DENY',
        decidingRule: 'R0',
        fields: [],
        policy: null,
      });
      await sleep(1000);
      expect(twente.alerts).toEqual([]); // even an ACUTE signal: no policy, no disclosure
      expect((await readStream(admin, 'AUDIT')).filter((m) => m.subject === 'samenhang.audit.disclosures')).toEqual([]);
      expect(t.stack.services.get('consent')!.child.exitCode).toBeNull();
      await untilLogged(t.paths.logs, 'consent', logged);
      // Running, but not ready: health says why, and the other services are fine.
      const health = await healthReports(t.paths);
      expect(health.find((h) => h.service === 'consent')).toMatchObject({
        ready: false,
        checks: { policy: expect.stringMatching(/^fail-closed \(ERR_POLICY_[A-Z_]+\)$/) },
      });
      expect(
        health
          .filter((h) => h.ready)
          .map((h) => h.service)
          .sort(),
      ).toEqual(['audit', 'broker-gateway']);
      await twente.close();
    } finally {
      await t.close();
    }
  });
});
