import { rvtOf } from '@samenhang/pki';
import { subjects } from '@samenhang/stack';
import { buildAlert } from './alert-builder.js';
import { PURPOSE, type ConsentDeps } from './deps.js';
import { withRetries } from './family/systems.js';
import type { Picture } from './family/picture.js';
import { Conflict } from './kv-json.js';
import { alertReason, nextAlerts } from './region-view.js';

/**
 * Brings a system's alerts up to date: records the next version per region in the
 * picture (compare-and-set), then for each version not yet published writes the
 * disclosure record and only then publishes the alert, and remembers it as sent (the
 * picture's next write stores that). Message ids make a retry after a crash publish
 * each version once; a version superseded before it was sent is skipped (versions only
 * increase); without a policy nothing is sent.
 */
export async function publishAlerts(systemId: string, now: number, d: ConsentDeps, current?: Picture): Promise<void> {
  const policy = d.policy.policy;
  if (!policy) return;
  // Usually `systemId` is live (the caller just placed a signal in it); only when it was
  // merged away meanwhile is its root looked up. A caller that just stored the picture
  // with its next alert versions passes it: nothing to recompute.
  let root = systemId;
  const picture = current ?? await withRetries(async () => {
    try {
      return await d.systems.change(root, (p) => nextAlerts(p, policy, now));
    } catch (e) {
      if (e instanceof Conflict) root = await d.systems.root(systemId);
      throw e;
    }
  });
  for (const [region, state] of Object.entries(picture.alerts)) {
    if (state.published >= state.version || d.systems.marks.sent(picture.systemId, region, state.version)) continue;
    const rvt = rvtOf(d.registry, region);
    if (!rvt) continue;
    await d.alertLock.run(`${picture.systemId}/${region}`, async () => {
      // Re-read under the lock: a newer version (or this one) may have been sent meanwhile;
      // then this one is superseded and must not follow it onto the stream.
      const latest = (await d.systems.pictures.get(picture.systemId, { cached: true }))?.value.alerts[region];
      if (!latest || latest.version !== state.version || latest.published >= state.version || d.systems.marks.sent(picture.systemId, region, state.version)) return;
      const { alert, bytes, disclosure } = await buildAlert(
        picture,
        { region, recipient: rvt.id, version: state.version, reason: alertReason(picture, region, policy, now).reason, now, kind: 'alert', purpose: PURPOSE },
        d.vault,
      );
      await d.audit.disclosure(disclosure); // no audit record, no alert (fail closed)
      await d.js.publish(subjects.alerts(region), bytes, { msgID: `alert.${picture.systemId}.${region}.${state.version}` });
      d.systems.marks.add(picture.systemId, region, state.version); // stored with the picture's next write
      d.log.info({ systemId: picture.systemId, region, version: state.version, entries: alert.entries.length }, 'alert published');
    });
  }
}
