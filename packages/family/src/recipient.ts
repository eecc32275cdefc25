import type { Recipient } from '@samenhang/decision';
import { rvtOf, type Registry } from '@samenhang/pki';

/**
 * Who a signal of `region` is decided for: that region's RVT. A region without one is
 * decided for nobody (`none`), which no rule grants anything to (fail closed).
 */
export function recipientFor(registry: Registry, region: string): Recipient {
  const rvt = rvtOf(registry, region);
  return rvt ? { id: rvt.id, region } : { id: 'none', region: 'none' };
}
