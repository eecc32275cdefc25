import type { Policy } from '@samenhang/policy';
import type { SignalFacts } from './facts.js';

/** When a signal leaves every picture: its own expiry, else observation + the category's retention. */
export function retentionEnd(s: Pick<SignalFacts, 'expiresAt' | 'category' | 'observedAt'>, policy: Policy): number {
  if (s.expiresAt !== undefined) return s.expiresAt;
  const months = policy.retention.byCategory[s.category] ?? policy.retention.defaultMonths;
  const end = new Date(s.observedAt);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end.getTime();
}
