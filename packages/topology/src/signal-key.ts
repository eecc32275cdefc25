import { createHash } from 'node:crypto';

/**
 * The KV-safe key of an agency's signal: the agency id plus a hash of its signal id.
 * The gateway uses it for the signal index and as the vault reference; the consent
 * service as the picture entry key, so a withdrawal finds what it withdraws.
 */
export function signalKey(agencyId: string, signalId: string): string {
  return `${agencyId}.${createHash('sha256').update(signalId).digest('hex').slice(0, 40)}`;
}
