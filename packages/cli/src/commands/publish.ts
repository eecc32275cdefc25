import { readFileSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { toTimestamp, type v1 } from '@samenhang/proto';
import { consentFromJson, nameOf, signalFromJson } from '@samenhang/signal';
import { AgencyClient, PUBLISH_DEADLINE_MS } from '@samenhang/client';
import { EXIT, usageError, out } from '../output.js';
import { readStackInfo } from '@samenhang/service-base';

export function receiptJson(r: v1.Receipt) {
  return {
    signalId: r.signalId,
    agencyId: r.agencyId,
    status: nameOf('receiptStatus', r.status),
    code: r.code || undefined,
    reason: r.reason,
    envelopeSha256: r.envelopeSha256,
    originalEnvelopeSha256: r.originalEnvelopeSha256 || undefined,
  };
}

type Flags = { agency?: string; file?: string; json?: boolean; timeout?: string };

function readItems(flags: Flags, command: string): { items: unknown[]; array: boolean } {
  if (!flags.agency || !flags.file) throw usageError(`${command} needs --agency <id> and --file <file.json>`);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(flags.file, 'utf8'));
  } catch (cause) {
    throw new SamenhangError('ERR_INPUT_INVALID', `${flags.file} cannot be read as JSON`, { cause });
  }
  return Array.isArray(input) ? { items: input, array: true } : { items: [input], array: false };
}

/** `samenhang publish --agency <id> --file <json>`: sign, publish, print each receipt. */
export async function publish(paths: HomePaths, flags: Flags): Promise<number> {
  const { items, array } = readItems(flags, 'publish');
  // observedAt defaults to now, so a hand-written signal needs no timestamp.
  const signals = items.map((item, i) => {
    const s = signalFromJson(item, array ? `/${i}` : '');
    if (!s.observedAt) s.observedAt = toTimestamp(Date.now());
    return s;
  });
  return sendAll(paths, flags, (client) =>
    signals.map((s) => async () => client.publish(await client.sign(s), timeoutOf(flags))),
  );
}

/** `samenhang consent --agency <id> --file <json>`: register consent, withdrawal or objection. */
export async function consent(paths: HomePaths, flags: Flags): Promise<number> {
  const records = readItems(flags, 'consent').items.map((item) => consentFromJson(item));
  return sendAll(paths, flags, (client) =>
    records.map((c) => async () => client.publishConsent(await client.signConsent(c), timeoutOf(flags))),
  );
}

/** `--timeout <ms>`: how long one envelope may take from its first publish to its receipt. */
const timeoutOf = (flags: Flags) => (flags.timeout ? Number(flags.timeout) : PUBLISH_DEADLINE_MS);

async function sendAll(
  paths: HomePaths,
  flags: Flags,
  sends: (client: AgencyClient) => (() => Promise<v1.Receipt>)[],
): Promise<number> {
  const client = await AgencyClient.open(paths, readStackInfo(paths).servers, flags.agency!);
  let rejected = 0;
  try {
    for (const send of sends(client)) {
      const r = await send();
      const j = receiptJson(r);
      if (j.status === 'REJECTED') rejected++;
      out(
        flags.json
          ? JSON.stringify(j)
          : `${j.status.padEnd(9)} ${j.signalId || '-'}${j.code ? `  ${j.code}: ${j.reason}` : ''}`,
      );
    }
  } finally {
    await client.close();
  }
  return rejected > 0 ? EXIT.FAIL : EXIT.OK;
}
