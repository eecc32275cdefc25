import { randomUUID } from 'node:crypto';
import type { ErasureRecord, ErasureRequest } from '@samenhang/audit-log';
import { signalsAbout, withErasure } from '@samenhang/family';
import { publishAlerts } from '../alerts/publish.js';
import type { ConsentDeps } from '../deps.js';
import { isConflict } from '../family/kv-json.js';
import { withRetries } from '../family/systems.js';

/**
 * Erases a person (AVG art. 17, a court order): their signals leave the picture they were in,
 * with the links they made (other members' signals stay); the sealed content of those signals,
 * their record and their data key are erased (crypto-shredding, bytes overwritten); every RVT
 * alerted about the family gets the next version, a correction where the family shrank or
 * split; and a tombstone is appended to the audit log last, recording what was done — by
 * pseudonym and count, never a BSN, name or content. Idempotent: repeated, it finds nothing
 * left in the picture, erases what may remain and records another tombstone (0 signals).
 */
export async function erasePerson(req: ErasureRequest, now: number, d: ConsentDeps): Promise<ErasureRecord> {
  const systemId = await d.systems.systemOf(req.person);
  let signals: string[] = [];
  const systems: string[] = [];
  if (systemId) {
    let root = systemId;
    await withRetries(async () => {
      try {
        root = await d.systems.root(systemId);
        // Counted in the very version changed: a concurrent signal about them is erased too.
        await d.systems.change(root, (p) => {
          signals = signalsAbout(p, req.person);
          return withErasure(p, req.person);
        });
      } catch (e) {
        if (isConflict(e)) root = await d.systems.root(systemId);
        throw e;
      }
    });
    systems.push(root);
  }
  // Content first, then the key: should this stop half-way, a repeat finds the key and erases again.
  for (const ref of signals) await d.vault.eraseSignalContent(ref);
  await d.vault.erasePerson(req.person);
  for (const id of systems) await publishAlerts(id, { now }, d);
  const record: ErasureRecord = {
    type: 'erasure',
    erasureId: `era_${randomUUID()}`,
    time: new Date(now).toISOString(),
    person: req.person,
    signals: signals.length,
    systems,
    reason: req.reason,
    ...(req.order ? { order: req.order } : {}),
    by: req.by,
    byRole: req.byRole,
  };
  await d.audit.erasure(record);
  d.log.info({ erasureId: record.erasureId, signals: record.signals, reason: record.reason }, 'person erased');
  return record;
}
