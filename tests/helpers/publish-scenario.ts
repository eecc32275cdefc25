import { expect } from 'vitest';
import { v1 } from '@samenhang/proto';
import { consentFromJson, signalFromJson } from '@samenhang/signal';
import { toTimestamp } from '@samenhang/proto';
import type { TestStack } from './stack.js';
import { stepSignal } from './scenario.js';

const DAY = 86_400_000;

export interface ScenarioStep {
  type: 'signal' | 'consent';
  agency: string;
  daysAgo: number;
  signal?: Record<string, unknown>;
  consent?: Record<string, unknown>;
}

/** Publishes every step in order as its agency, asserting each is ACCEPTED. */
export async function publishSteps(t: TestStack, steps: ScenarioStep[], now = Date.now(), after?: (step: ScenarioStep) => Promise<void>): Promise<void> {
  for (const step of steps) {
    const client = await t.client(step.agency);
    let r: v1.Receipt;
    if (step.type === 'consent') {
      const c = consentFromJson(step.consent);
      c.recordedAt = toTimestamp(now - step.daysAgo * DAY);
      r = await client.publishConsent(await client.signConsent(c));
    } else {
      r = await client.publish(await client.sign(signalFromJson(stepSignal(step as { daysAgo: number; signal: Record<string, unknown> }, now))));
    }
    expect(r.status, `${r.signalId}: ${r.code} ${r.reason}`).toBe(v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED);
    await after?.(step);
  }
}
