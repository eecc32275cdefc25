import { rvtOf } from '@samenhang/pki';
import { subjects } from '@samenhang/stack';
import { buildAlert } from './alert-builder.js';
import { PURPOSE, type ConsentDeps, type Handling } from './deps.js';
import { withRetries } from './family/systems.js';
import type { Picture } from './family/picture.js';
import { Conflict } from './kv-json.js';
import { alertReason, nextAlerts, toSend } from './region-view.js';

/**
 * Brings a system's alerts up to date: records the next version per region in the
 * picture (compare-and-set), claimed by this handling, then for each version it is to
 * send (`toSend`) writes the disclosure record and only then publishes the alert.
 * Message ids make a redelivery publish each version once; a version superseded before
 * it was sent is skipped (versions only increase); without a policy nothing is sent.
 */
export async function publishAlerts(systemId: string, h: Handling, d: ConsentDeps, current?: Picture): Promise<void> {
  const policy = d.policy.policy;
  if (!policy) return;
  // Usually `systemId` is live (the caller just placed a signal in it); only when it was
  // merged away meanwhile is its root looked up. A caller that just stored the picture
  // with its next alert versions passes it: nothing to recompute.
  let root = systemId;
  const picture =
    current ??
    (await withRetries(async () => {
      try {
        return await d.systems.change(root, (p) => nextAlerts(p, policy, h.now, h.claim));
      } catch (e) {
        if (e instanceof Conflict) root = await d.systems.root(systemId);
        throw e;
      }
    }));
  for (const [region, state] of Object.entries(picture.alerts)) {
    if (!toSend(state, h.claim)) continue;
    const rvt = rvtOf(d.registry, region);
    if (!rvt) {
      // No one to send it to (the region's RVT left the registry). A handling's claim settles
      // its version already; one the sweeper recorded is settled here, or every sweep would
      // read this picture again for it. A later change makes a new version for a new RVT.
      if (state.published < state.version) {
        await settle(picture.systemId, region, state.version, d);
        d.log.warn(
          { systemId: picture.systemId, region, version: state.version },
          'alert version not sent: region has no RVT',
        );
      }
      continue;
    }
    await d.alertLock.run(`${picture.systemId}/${region}`, async () => {
      // Re-read under the lock: a newer version may have been recorded meanwhile; then this
      // one is superseded and must not follow it onto the stream.
      const latest = (await d.systems.pictures.get(picture.systemId, { cached: true }))?.value.alerts[region];
      if (!latest || latest.version !== state.version || !toSend(latest, h.claim)) return;
      const { alert, bytes, disclosure } = await buildAlert(
        picture,
        {
          region,
          recipient: rvt.id,
          version: state.version,
          reason: alertReason(picture, region, policy, h.now).reason,
          now: h.now,
          kind: 'alert',
          purpose: PURPOSE,
        },
        d.vault,
      );
      await d.audit.disclosure(disclosure); // no audit record, no alert (fail closed)
      await d.js.publish(subjects.alerts(region), bytes, {
        msgID: `alert.${picture.systemId}.${region}.${state.version}`,
      });
      // A claimed version is settled by its claim; one the sweeper recorded is settled now.
      if (latest.published < latest.version) await settle(picture.systemId, region, state.version, d);
      d.log.info(
        { systemId: picture.systemId, region, version: state.version, entries: alert.entries.length },
        'alert published',
      );
    });
  }
}

/** Stores that `version` was sent. Lost in a crash, it is sent again: the streams' one-hour duplicate windows drop it. */
async function settle(systemId: string, region: string, version: number, d: ConsentDeps): Promise<void> {
  await withRetries(() =>
    d.systems.change(systemId, (p) => {
      const a = p.alerts[region];
      return a && a.published < version
        ? { ...p, alerts: { ...p.alerts, [region]: { ...a, published: version } } }
        : undefined;
    }),
  ).catch((e: unknown) => {
    if (!(e instanceof Conflict)) throw e; // merged away: the system it joined has its own alerts
  });
}
