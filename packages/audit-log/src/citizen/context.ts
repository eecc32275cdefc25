import type { Registry } from '@samenhang/pki';
import type { ReportContext } from './build.js';

/**
 * The report's context from the registry and the policy's retention: display names for
 * agencies and recipients, and the broker's privacy officer as where a request goes. The
 * CLI and the console both build it here, so their reports cannot differ in it.
 */
export function reportContext(
  registry: Registry,
  retention: ReportContext['retention'],
  requester: ReportContext['requester'],
  now = new Date(),
): ReportContext {
  const names = new Map(registry.participants.map((p) => [p.id, p.displayName]));
  const officer = registry.participants.find((p) => p.kind === 'PRIVACY_OFFICER');
  return {
    now,
    retention,
    nameOf: (id) => names.get(id) ?? id,
    contact: officer ? `${officer.displayName} (Samenhang)` : 'Samenhang',
    requester,
  };
}
