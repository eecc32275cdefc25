import { toTimestamp, type v1 } from '@samenhang/proto';
import { consentFromJson, signalFromJson } from '@samenhang/signal';
import type { AgencyClient } from './agency-client.js';

const DAY = 86_400_000;

/** One step of a reference scenario (fixtures/scenarios/README.md). */
export interface ScenarioStep {
  type: 'signal' | 'consent';
  agency: string;
  daysAgo: number;
  signal?: Record<string, unknown>;
  consent?: Record<string, unknown>;
}

/** Signs and publishes one scenario step as its agency, with `daysAgo` resolved against `now`. */
export async function publishStep(client: AgencyClient, step: ScenarioStep, now: number): Promise<v1.Receipt> {
  if (step.type === 'consent') {
    const c = consentFromJson(step.consent);
    c.recordedAt = toTimestamp(now - step.daysAgo * DAY);
    return client.publishConsent(await client.signConsent(c));
  }
  return client.publish(
    await client.sign(signalFromJson({ ...step.signal, observedAt: new Date(now - step.daysAgo * DAY).toISOString() })),
  );
}
