import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { loadPolicy } from '@samenhang/policy';
import { loadRegistry } from '@samenhang/pki';
import { EXIT, usageError, out } from '../output.js';
import { connectAs } from '@samenhang/nats';
import { readStackInfo } from '@samenhang/service-base';
import { replayStored } from '../replay/stored.js';

/**
 * `samenhang replay --policy <file> [--as-of <date>]`: re-decides every stored,
 * unexpired signal under another policy, in memory and in batches, and prints which
 * decisions and which alerts would change, by rule. It reads the live pictures and
 * consents as the operator and writes nothing: no record, no alert, no disclosure.
 */
export async function replay(
  paths: HomePaths,
  flags: { policy?: string; 'as-of'?: string; json?: boolean },
): Promise<number> {
  if (!flags.policy) throw usageError('needs --policy <file>');
  const asOf = flags['as-of'] === undefined ? Date.now() : Date.parse(flags['as-of']);
  if (Number.isNaN(asOf)) throw usageError('--as-of takes a date, e.g. 2027-01-01 or 2027-01-01T00:00:00Z');
  const policy = loadPolicy(flags.policy);
  const registry = loadRegistry(paths.registry);
  const nc = await connectAs({
    paths,
    servers: readStackInfo(paths).servers,
    identity: 'broker-admin',
    maxReconnectAttempts: 0,
  });
  try {
    const { tally, changes, alertChanges, ms, evaluationMs } = await replayStored(nc.jetstream(), {
      policy,
      registry,
      asOf,
      progress: 'replay',
    });
    const summary = {
      policy: { version: policy.policyVersion, digest: policy.digest },
      asOf: new Date(asOf).toISOString(),
      evaluated: tally.evaluated,
      changed: tally.changed,
      byChange: tally.byChange,
      alerts: alertChanges.reduce<Record<string, number>>((a, c) => ({ ...a, [c.change]: (a[c.change] ?? 0) + 1 }), {}),
      // The whole command (reading every picture and consent, and evaluating), and the evaluation alone.
      decisionsPerSecond: ms > 0 ? Math.round((tally.evaluated / ms) * 1000) : 0,
      evaluationPerSecond: evaluationMs > 0 ? Math.round((tally.evaluated / evaluationMs) * 1000) : 0,
    };
    if (flags.json) out(JSON.stringify({ ...summary, changes, alertChanges }, null, 2));
    else {
      out(
        `replay under policy ${summary.policy.version} (${summary.policy.digest.slice(0, 12)}…) as of ${summary.asOf}: ${summary.evaluated} decisions re-evaluated, ${summary.changed} would change`,
      );
      for (const [k, n] of Object.entries(summary.byChange).sort((a, b) => b[1] - a[1]))
        out(`  ${String(n).padStart(7)}  ${k}`);
      for (const [k, n] of Object.entries(summary.alerts)) out(`  ${String(n).padStart(7)}  alerts ${k}`);
      out('nothing was written or disclosed');
    }
    return EXIT.OK;
  } catch (e) {
    if (e instanceof SamenhangError) throw e;
    throw new SamenhangError('ERR_INTERNAL', `replay failed: ${(e as Error).message}`, { cause: e });
  } finally {
    await nc.close();
  }
}
