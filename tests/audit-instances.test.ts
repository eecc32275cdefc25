import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '@samenhang/audit-log';
import { readAuditLog, type ScenarioStep } from '@samenhang/client';
import { loadScenario } from './helpers/scenario.js';
import { publishStepsOneByOne, startTestStack, type TestStack } from '@samenhang/testkit';

describe('two audit instances', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({
      instances: { audit: 2 },
      serviceEnv: { SAMENHANG_CHECKPOINT_EVERY: '3', SAMENHANG_CHECKPOINT_MS: '300' },
    });
  });
  afterAll(async () => t?.close());

  it('build one verifiable log: no record twice, none lost', async () => {
    await publishStepsOneByOne(t, loadScenario<{ steps: ScenarioStep[] }>('meneer-m').steps);
    const trust = { ca: new X509Certificate(readFileSync(t.paths.caCert)), trustDomain: 'samenhang.dev' };
    let report = await verifyLog(await readAuditLog(t.paths), trust, null);
    for (
      const deadline = Date.now() + 60_000;
      !(report.ok && report.uncovered === 0 && report.records >= 9) && Date.now() < deadline;
    ) {
      await sleep(100);
      report = await verifyLog(await readAuditLog(t.paths), trust, null);
    }
    expect(report, JSON.stringify(report)).toMatchObject({ ok: true, uncovered: 0 });
    expect(report.latest!.treeSize).toBe(report.records);
  });
});
