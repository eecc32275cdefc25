import { readFileSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { toTimestamp, v1 } from '@samenhang/proto';
import { nameOf, signalFromJson } from '@samenhang/signal';
import { readStackInfo } from '@samenhang/stack';
import { AgencyClient } from '../agency-client.js';
import { EXIT, UsageError, out } from '../output.js';

export function receiptJson(r: v1.Receipt) {
  return {
    signalId: r.signalId,
    agencyId: r.agencyId,
    status: nameOf('receiptStatus', r.status),
    code: r.code || undefined,
    reason: r.reason,
    envelopeSha256: r.envelopeSha256,
  };
}

/** `samenhang publish --agency <id> --file <json>`: sign, publish, print each receipt. */
export async function publish(paths: HomePaths, flags: { agency?: string; file?: string; json?: boolean; timeout?: string }): Promise<number> {
  if (!flags.agency || !flags.file) throw new UsageError('publish needs --agency <id> and --file <signals.json>');
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(flags.file, 'utf8'));
  } catch (cause) {
    throw new SamenhangError('ERR_INPUT_INVALID', `${flags.file} cannot be read as JSON`, { cause });
  }
  const items = Array.isArray(input) ? input : [input];
  // observedAt defaults to now, so a hand-written signal needs no timestamp.
  const signals = items.map((item, i) => {
    const s = signalFromJson(item, Array.isArray(input) ? `/${i}` : '');
    if (!s.observedAt) s.observedAt = toTimestamp(Date.now());
    return s;
  });
  const client = await AgencyClient.open(paths, readStackInfo(paths).servers, flags.agency);
  let rejected = 0;
  try {
    for (const s of signals) {
      const r = await client.publish(await client.sign(s), flags.timeout ? Number(flags.timeout) : 15_000);
      const j = receiptJson(r);
      if (j.status === 'REJECTED') rejected++;
      out(flags.json ? JSON.stringify(j) : `${j.status.padEnd(9)} ${j.signalId || '-'}${j.code ? `  ${j.code}: ${j.reason}` : ''}`);
    }
  } finally {
    await client.close();
  }
  return rejected > 0 ? EXIT.FAIL : EXIT.OK;
}
