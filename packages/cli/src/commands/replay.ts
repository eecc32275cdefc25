import type { HomePaths } from '@samenhang/config';
import { alertDue, emptyTally, replayBatch, type ConsentFact, type DecisionRecord, type ReplayedDecision, type StoredDecision } from '@samenhang/decision';
import { SamenhangError } from '@samenhang/errors';
import { loadPolicy } from '@samenhang/policy';
import { loadRegistry, rvtOf } from '@samenhang/pki';
import { BUCKETS, bindKv, connectAs, readStackInfo, retryOnTimeout } from '@samenhang/stack';
import { Progress } from '../bench/progress.js';
import { EXIT, UsageError, out } from '../output.js';

/** The part of a stored picture replay reads (codes, pseudonyms and live decisions). */
interface StoredPicture {
  readonly systemId: string;
  readonly mergedInto?: string;
  readonly entries: Record<string, { signalId: string; agencyId: string; agencyKind: string; region: string; subjectPseudonym: string; related: { pseudonym: string }[]; householdKey: string; category: string; severity: string; legalGround: string; meldcodeDecision: boolean; observedAt: number; expiresAt?: number; decision: Pick<DecisionRecord, 'outcome' | 'shownAs' | 'decidingRule'> }>;
  readonly alerts: Record<string, { version: number }>;
}

export interface AlertChange {
  readonly systemId: string;
  readonly region: string;
  readonly change: 'would start' | 'would stop' | 'would show other signals';
}

const dec = <T>(b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as T;

/**
 * `samenhang replay --policy <file> [--as-of <date>]`: re-decides every stored,
 * unexpired signal under another policy, in memory and in batches, and prints which
 * decisions and which alerts would change, by rule. It reads the live pictures and
 * consents as the operator and writes nothing: no record, no alert, no disclosure.
 */
export async function replay(paths: HomePaths, flags: { policy?: string; 'as-of'?: string; json?: boolean }): Promise<number> {
  if (!flags.policy) throw new UsageError('needs --policy <file>');
  const asOf = flags['as-of'] === undefined ? Date.now() : Date.parse(flags['as-of']);
  if (Number.isNaN(asOf)) throw new UsageError('--as-of takes a date, e.g. 2027-01-01 or 2027-01-01T00:00:00Z');
  const policy = loadPolicy(flags.policy);
  const registry = loadRegistry(paths.registry);
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity: 'broker-admin', maxReconnectAttempts: 0 });
  try {
    const js = nc.jetstream();
    const pictures = await bindKv(js, BUCKETS.PICTURES);
    const consentsKv = await bindKv(js, BUCKETS.CONSENTS);
    const list = (kv: typeof pictures) => retryOnTimeout(async () => {
      const out: string[] = [];
      for await (const k of await kv.keys()) out.push(k);
      return out;
    });
    const keys = await list(pictures);
    const consents = new Map<string, ConsentFact[]>();
    for (const k of await list(consentsKv)) {
      const e = await consentsKv.get(k);
      if (e?.operation === 'PUT') consents.set(k, dec<ConsentFact[]>(e.value));
    }

    const tally = emptyTally();
    const changes: ReplayedDecision[] = [];
    const alertChanges: AlertChange[] = [];
    const progress = new Progress('replay', keys.length);
    let evaluationMs = 0;
    for (let i = 0; i < keys.length; i++) {
      const e = await pictures.get(keys[i]!);
      if (e?.operation !== 'PUT') continue;
      const p = dec<StoredPicture>(e.value);
      if (p.mergedInto) continue;
      const live = Object.values(p.entries).filter((x) => x.expiresAt === undefined || x.expiresAt > asOf);
      const batch: StoredDecision[] = live.map((x) => ({
        facts: {
          signalId: x.signalId, agencyId: x.agencyId, agencyKind: x.agencyKind, region: x.region, subjectPseudonym: x.subjectPseudonym,
          relatedPseudonyms: x.related.map((r) => r.pseudonym), householdKey: x.householdKey, category: x.category, severity: x.severity,
          legalGround: x.legalGround, meldcodeDecision: x.meldcodeDecision, observedAt: x.observedAt, ...(x.expiresAt !== undefined ? { expiresAt: x.expiresAt } : {}),
        },
        consents: consents.get(x.subjectPseudonym) ?? [],
        recipient: { id: rvtOf(registry, x.region)?.id ?? 'none', region: rvtOf(registry, x.region) ? x.region : 'none' },
        purpose: policy.purpose, // the one purpose signals are decided for (DESIGN §5)
        current: { outcome: x.decision.outcome, shownAs: x.decision.shownAs, decidingRule: x.decision.decidingRule },
      }));
      const t = performance.now();
      const replayed = replayBatch(batch, policy, asOf, tally);
      evaluationMs += performance.now() - t;
      changes.push(...replayed.filter((r) => r.from.outcome !== r.to.outcome || r.from.rule !== r.to.rule));
      // Alerts: what each region's RVT would see, and whether the alert rule would hold.
      for (const region of new Set(live.map((x) => x.region))) {
        const visible = (shown: (j: number) => string) => live.map((x, j) => ({ x, j })).filter(({ x, j }) => x.region === region && shown(j) !== 'DENY');
        const before = visible((j) => batch[j]!.current.shownAs);
        const after = visible((j) => replayed[j]!.to.shownAs);
        const alerted = p.alerts[region] !== undefined;
        const due = alertDue(after.map(({ x }) => ({ signalId: x.signalId, agencyId: x.agencyId, severity: x.severity, observedAt: x.observedAt })), policy, asOf).due;
        const same = before.map((b) => b.x.signalId).join() === after.map((a) => a.x.signalId).join();
        if (!alerted && due) alertChanges.push({ systemId: p.systemId, region, change: 'would start' });
        else if (alerted && !due) alertChanges.push({ systemId: p.systemId, region, change: 'would stop' });
        else if (alerted && !same) alertChanges.push({ systemId: p.systemId, region, change: 'would show other signals' });
      }
      if (i % 100 === 0) progress.update(i);
    }
    progress.done(`${tally.evaluated} decisions in ${Math.round(evaluationMs)} ms`);
    const summary = {
      policy: { version: policy.policyVersion, digest: policy.digest }, asOf: new Date(asOf).toISOString(),
      evaluated: tally.evaluated, changed: tally.changed, byChange: tally.byChange,
      alerts: alertChanges.reduce<Record<string, number>>((a, c) => ({ ...a, [c.change]: (a[c.change] ?? 0) + 1 }), {}),
      decisionsPerSecond: evaluationMs > 0 ? Math.round((tally.evaluated / evaluationMs) * 1000) : 0,
    };
    if (flags.json) out(JSON.stringify({ ...summary, changes, alertChanges }, null, 2));
    else {
      out(`replay under policy ${summary.policy.version} (${summary.policy.digest.slice(0, 12)}…) as of ${summary.asOf}: ${summary.evaluated} decisions re-evaluated, ${summary.changed} would change`);
      for (const [k, n] of Object.entries(summary.byChange).sort((a, b) => b[1] - a[1])) out(`  ${String(n).padStart(7)}  ${k}`);
      for (const [k, n] of Object.entries(summary.alerts)) out(`  ${String(n).padStart(7)}  alerts ${k}`);
      out('nothing was written or disclosed');
    }
    return EXIT.OK;
  } catch (e) {
    if (e instanceof SamenhangError || e instanceof UsageError) throw e;
    throw new SamenhangError('ERR_INTERNAL', `replay failed: ${(e as Error).message}`, { cause: e });
  } finally {
    await nc.close();
  }
}
