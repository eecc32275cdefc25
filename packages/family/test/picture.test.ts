import { describe, expect, it } from 'vitest';
import { decide } from '@samenhang/decision';
import {
  emptyPicture,
  mergePictures,
  nextAlerts,
  type Picture,
  pictureDecision,
  regionEntries,
  systemIdOf,
  toSend,
  withEntry,
  withWithdrawal,
} from '../src/index.js';
import { NOW, entry, policy } from './entries.js';

/** The alert state of the one family system these tests build (its founder is p_m). */
const alertOf = (p: Picture) => p.systems[systemIdOf('p_m')]?.alerts.foodvalley;
const shown = (p: Picture) => regionEntries(Object.values(p.entries), 'foodvalley');

describe('pictures', () => {
  it('merge as a monotone, idempotent union', () => {
    const a = withEntry(emptyPicture('sys_a'), entry('s1', 'politie-oost-nederland', 'POLICE'));
    const b = withEntry(emptyPicture('sys_b'), {
      ...entry('s2', 'ggz-centraal', 'MENTAL_HEALTH'),
      subjectPseudonym: 'p_f',
    });
    const ab = mergePictures(a, b);
    expect(Object.keys(ab.entries).sort()).toEqual(['ggz-centraal.s2', 'politie-oost-nederland.s1']);
    expect(ab.persons).toEqual(['p_f', 'p_m']);
    expect(ab.mergedFrom).toEqual(['sys_b']);
    expect(mergePictures(ab, b)).toEqual(ab);
  });
  it("merge a system both pictures hold by each region's higher version, so the next version follows both", () => {
    const id = systemIdOf('p_m');
    const state = (alerts: Picture['systems'][string]['alerts']) => ({ persons: ['p_m'], mergedFrom: [], alerts });
    const sent = (version: number, sha: string) => ({ version, contentSha256: sha, published: version });
    // Raced into two pictures: one sent version 2 to Foodvalley and version 1 to Twente, the other version 1 to Foodvalley.
    const into = { ...emptyPicture('sys_a'), systems: { [id]: state({ foodvalley: sent(1, 'a1') }) } };
    const from = {
      ...emptyPicture('sys_b'),
      systems: { [id]: state({ foodvalley: sent(2, 'b2'), twente: sent(1, 'b1') }) },
    };
    const merged = mergePictures(into, from);
    expect(merged.systems[id]!.alerts).toEqual({ foodvalley: sent(2, 'b2'), twente: sent(1, 'b1') });
    expect(mergePictures(from, into).systems[id]!.alerts).toEqual(merged.systems[id]!.alerts);
    expect(mergePictures(merged, from)).toEqual(merged);
    // The merged picture's next version for Foodvalley is above both pictures' versions.
    let p = withEntry(merged, entry('s1', 'politie-oost-nederland', 'POLICE'));
    p = nextAlerts(withEntry(p, entry('s2', 'ggz-centraal', 'MENTAL_HEALTH')), policy, NOW)!;
    expect(alertOf(p)!.version).toBe(3);
  });
  it('keep a withdrawn signal out, even when a merge or a redelivery brings it back', () => {
    const e = entry('s1', 'politie-oost-nederland', 'POLICE');
    const withdrawn = withWithdrawal(withEntry(emptyPicture('sys_a'), e), e.key);
    expect(withdrawn.entries).toEqual({});
    expect(withEntry(withdrawn, e).entries).toEqual({});
    expect(mergePictures(withdrawn, withEntry(emptyPicture('sys_b'), e)).entries).toEqual({});
  });
});

describe('alert versions', () => {
  it('do not alert a single medium signal of one agency (subsidiarity)', () => {
    expect(
      nextAlerts(
        withEntry(emptyPicture('s'), entry('s1', 'lokaalteam-ede', 'LOCAL_TEAM', { category: 'DEBT' })),
        policy,
        NOW,
      ),
    ).toBeUndefined();
  });
  it('alert once two agencies are involved, then version every change and nothing else', () => {
    let p = withEntry(emptyPicture('s'), entry('s1', 'politie-oost-nederland', 'POLICE'));
    p = withEntry(p, entry('s2', 'ggz-centraal', 'MENTAL_HEALTH'));
    p = nextAlerts(p, policy, NOW)!;
    expect(alertOf(p)).toMatchObject({ version: 1, published: 0 });
    expect(nextAlerts(p, policy, NOW)).toBeUndefined(); // unchanged picture: no new version
    p = nextAlerts(withWithdrawal(p, 'ggz-centraal.s2'), policy, NOW)!;
    expect(alertOf(p)!.version).toBe(2); // a withdrawal from an alerted picture is a new version
    expect(shown(p).map((e) => e.signalId)).toEqual(['s1']);
  });
  it('are claimed by the message whose handling records them: only it sends them, on any delivery', () => {
    let p = withEntry(emptyPicture('s'), entry('s1', 'politie-oost-nederland', 'POLICE'));
    p = nextAlerts(withEntry(p, entry('s2', 'ggz-centraal', 'MENTAL_HEALTH')), policy, NOW, 41)!;
    const v1 = alertOf(p)!;
    expect(v1).toEqual({ version: 1, contentSha256: expect.any(String), published: 1, claim: 41 }); // settled in the same write
    expect([toSend(v1, 41), toSend(v1, 42), toSend(v1)]).toEqual([true, false, false]);
    p = nextAlerts(withWithdrawal(p, 'ggz-centraal.s2'), policy, NOW, 42)!;
    expect(alertOf(p)).toMatchObject({ version: 2, published: 2, claim: 42 }); // 41's version is superseded
    expect([toSend(alertOf(p)!, 41), toSend(alertOf(p)!, 42)]).toEqual([false, true]);
  });
  it('recorded by the sweeper (no message) stay unsettled, for anyone to send, until stored as sent', () => {
    let p = withEntry(emptyPicture('s'), entry('s1', 'politie-oost-nederland', 'POLICE'));
    p = nextAlerts(withEntry(p, entry('s2', 'ggz-centraal', 'MENTAL_HEALTH')), policy, NOW, 41)!;
    p = nextAlerts(withWithdrawal(p, 'ggz-centraal.s2'), policy, NOW)!;
    const v2 = alertOf(p)!;
    expect(v2).toEqual({ version: 2, contentSha256: expect.any(String), published: 1 }); // 41's claim is not carried over
    expect([toSend(v2), toSend(v2, 41), toSend(v2, 99)]).toEqual([true, true, true]);
    expect(toSend({ ...v2, published: 2 })).toBe(false);
  });
  it('show nothing the RVT may not see: denied entries stay out of the view', () => {
    const denied = entry('s3', 'politie-oost-nederland', 'POLICE', { observedAt: NOW - 900 * 86_400_000 });
    const fresh = entry('s1', 'politie-oost-nederland', 'POLICE');
    const expired = {
      ...denied,
      decision: pictureDecision(
        decide(
          {
            signal: { ...denied, relatedPseudonyms: [] },
            consents: [],
            recipient: { id: 'rvt-foodvalley', region: 'foodvalley' },
            purpose: 'SAFETY_ASSESSMENT',
            now: NOW,
          },
          policy,
        ),
      ),
    };
    expect(expired.decision.decidingRule).toBe('R14');
    expect(shown(withEntry(withEntry(emptyPicture('s'), fresh), expired)).map((e) => e.signalId)).toEqual(['s1']);
  });
});
