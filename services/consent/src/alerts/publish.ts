import { deriveSystems, nextAlerts, type Picture, toSend } from '@samenhang/family';
import { rvtOf } from '@samenhang/pki';
import { subjects } from '@samenhang/topology';
import { type ConsentDeps, type Handling, PURPOSE } from '../deps.js';
import { isConflict } from '../family/kv-json.js';
import { withRetries } from '../family/systems.js';
import { buildAlert, type SystemView } from './build.js';

/**
 * Brings the alerts of a picture's family systems up to date: records the next version per
 * system and region in the picture (compare-and-set), claimed by this handling, then for
 * each version it is to send (`toSend`, @samenhang/family versions.ts) writes the disclosure
 * record and only then publishes the notice. Message ids make a redelivery publish each
 * version once; a version superseded before it was sent is skipped; without a policy
 * nothing is sent.
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
        if (isConflict(e)) root = await d.systems.root(systemId);
        throw e;
      }
    }));
  const derived = new Map(deriveSystems(picture, policy.linking.maxPersonsPerAddress).map((s) => [s.id, s]));
  for (const [id, state] of Object.entries(picture.systems)) {
    for (const [region, alert] of Object.entries(state.alerts)) {
      if (!toSend(alert, h.claim)) continue;
      const rvt = rvtOf(d.registry, region);
      if (!rvt) {
        // No one to send it to (the region's RVT left the registry). A handling's claim settles
        // its version already; one the sweeper recorded is settled here, or every sweep would
        // read this picture again for it. A later change makes a new version for a new RVT.
        if (alert.published < alert.version) {
          await settle(picture.systemId, id, region, alert.version, d);
          d.log.warn({ systemId: id, region, version: alert.version }, 'alert version not sent: region has no RVT');
        }
        continue;
      }
      // Its notice names the system: a request for its picture must find it.
      await d.systems.register(id, picture.systemId);
      await d.alertLock.run(`${id}/${region}`, async () => {
        // Re-read under the lock: a newer version may have been recorded meanwhile; then this
        // one is superseded and must not follow it onto the stream.
        const latest = (await d.systems.picture(picture.systemId, { cached: true }))?.value.systems[id]?.alerts[region];
        if (!latest || latest.version !== alert.version || !toSend(latest, h.claim)) return;
        const system = derived.get(id);
        const view: SystemView = {
          id,
          entries: system?.entries ?? [],
          persons: system?.persons ?? [],
          shownBefore: state.shownBefore ?? state.persons,
          mergedFrom: state.mergedFrom,
          ...(alert.correction ? { correction: { replacedBy: state.replacedBy ?? [] } } : {}),
        };
        const { notice, bytes, disclosure } = await buildAlert(
          view,
          { region, recipient: rvt.id, version: alert.version, now: h.now, kind: 'alert', purpose: PURPOSE },
          policy,
          d.vault,
        );
        await d.audit.disclosure(disclosure); // no audit record, no alert (fail closed)
        await d.js.publish(subjects.alerts(region), bytes, { msgID: `alert.${id}.${region}.${alert.version}` });
        // A claimed version is settled by its claim; one the sweeper recorded is settled now.
        if (latest.published < latest.version) await settle(picture.systemId, id, region, alert.version, d);
        d.log.info(
          {
            systemId: id,
            region,
            version: alert.version,
            entries: notice.entries.length,
            correction: !!alert.correction,
          },
          'alert published',
        );
      });
    }
  }
}

/** Stores that `version` was sent. Lost in a crash, it is sent again: the streams' one-hour duplicate windows drop it. */
async function settle(pictureId: string, id: string, region: string, version: number, d: ConsentDeps): Promise<void> {
  await withRetries(() =>
    d.systems.change(pictureId, (p) => {
      const s = p.systems[id];
      const a = s?.alerts[region];
      return s && a && a.published < version
        ? {
            ...p,
            systems: { ...p.systems, [id]: { ...s, alerts: { ...s.alerts, [region]: { ...a, published: version } } } },
          }
        : undefined;
    }),
  ).catch((e: unknown) => {
    if (!isConflict(e)) throw e; // merged away: the picture it joined has its own alerts
  });
}
