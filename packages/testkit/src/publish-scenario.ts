import { expect } from 'vitest';
import { v1 } from '@samenhang/proto';
import { publishStep, type ScenarioStep } from '@samenhang/client';
import { consumerIdle } from './streams.js';
import type { TestStack } from './stack.js';

/** Publishes every step in order as its agency (as the demo does), asserting each is ACCEPTED. */
export async function publishSteps(
  t: TestStack,
  steps: ScenarioStep[],
  now = Date.now(),
  after?: (step: ScenarioStep) => Promise<void>,
): Promise<void> {
  for (const step of steps) {
    const r = await publishStep(await t.client(step.agency), step, now);
    expect(r.status, `${r.signalId}: ${r.code} ${r.reason}`).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    await after?.(step);
  }
}

/**
 * Publishes every step and waits after each until the consent service handled it, so
 * each signal gets its own alert version (signals handled together may share one) and
 * the audit log's record count is the same on every run.
 */
export async function publishStepsOneByOne(t: TestStack, steps: ScenarioStep[]): Promise<void> {
  const admin = await t.connect('broker-admin');
  await publishSteps(t, steps, Date.now(), () => consumerIdle(admin, 'SIGNALS', 'consent'));
}
