import { rvtOf } from '@samenhang/pki';
import { subjects } from '@samenhang/stack';
import { buildAlert } from './alert-builder.js';
import { PURPOSE, type ConsentDeps } from './deps.js';
import { withRetries } from './family/systems.js';
import type { Picture } from './family/picture.js';
import { Conflict } from './kv-json.js';
import { alertReason, nextAlerts } from './region-view.js';

/**
 * Which alert versions a handling's own writes created. A version created by this very
 * handling cannot have been sent before, so it is sent without asking whether its mark
 * was set aside (MarksAside); any other unpublished version is asked about.
 *
 * `wrap` a picture change; `of(stored)` then names the regions whose versions the stored
 * picture was created with, when it is a result of a wrapped change (only a successful
 * compare-and-set makes one the stored picture). Any other picture: none.
 */
export class CreatedVersions {
  private readonly by = new WeakMap<Picture, ReadonlySet<string>>();

  wrap(change: (p: Picture) => Picture | undefined): (p: Picture) => Picture | undefined {
    return (p) => {
      const next = change(p);
      if (next) {
        const raised = Object.entries(next.alerts).filter(([region, a]) => a.version > (p.alerts[region]?.version ?? 0));
        if (raised.length > 0) this.by.set(next, new Set(raised.map(([region]) => region)));
      }
      return next;
    };
  }

  of(stored: Picture): ReadonlySet<string> {
    return this.by.get(stored) ?? NONE;
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Brings a system's alerts up to date: records the next version per region in the
 * picture (compare-and-set), then for each version not yet published writes the
 * disclosure record and only then publishes the alert, and remembers it as sent (the
 * picture's next write stores that). Message ids make a retry after a crash publish
 * each version once; a version superseded before it was sent is skipped (versions only
 * increase); without a policy nothing is sent.
 */
export async function publishAlerts(systemId: string, now: number, d: ConsentDeps, current?: { picture: Picture; created: CreatedVersions }): Promise<void> {
  const policy = d.policy.policy;
  if (!policy) return;
  // Usually `systemId` is live (the caller just placed a signal in it); only when it was
  // merged away meanwhile is its root looked up. A caller that just stored the picture
  // with its next alert versions passes it: nothing to recompute.
  let root = systemId;
  const versions = current?.created ?? new CreatedVersions();
  const picture = current?.picture ?? await withRetries(async () => {
    try {
      return await d.systems.change(root, versions.wrap((p) => nextAlerts(p, policy, now)));
    } catch (e) {
      if (e instanceof Conflict) root = await d.systems.root(systemId);
      throw e;
    }
  });
  const created = versions.of(picture);
  for (const [region, state] of Object.entries(picture.alerts)) {
    if (state.published >= state.version || d.systems.marks.sent(picture.systemId, region, state.version)) continue;
    const rvt = rvtOf(d.registry, region);
    if (!rvt) continue;
    await d.alertLock.run(`${picture.systemId}/${region}`, async () => {
      // Re-read under the lock: a newer version (or this one) may have been sent meanwhile;
      // then this one is superseded and must not follow it onto the stream.
      const latest = (await d.systems.pictures.get(picture.systemId, { cached: true }))?.value.alerts[region];
      if (!latest || latest.version !== state.version || latest.published >= state.version || d.systems.marks.sent(picture.systemId, region, state.version)) return;
      // A version this handling did not create may have been sent long ago, its mark set aside.
      if (!created.has(region) && (await d.marksAside.sent(picture.systemId, region)) >= state.version) {
        d.systems.marks.add(picture.systemId, region, state.version); // the picture's next write carries it
        return;
      }
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
