import { writeFileSync } from 'node:fs';
import {
  REQUESTER_KINDS,
  citizenReport,
  citizenReportDocument,
  readHeldData,
  renderCitizenReport,
  reportContext,
  type RequesterKind,
} from '@samenhang/audit-log';
import { openAuditIndex } from '@samenhang/client';
import type { HomePaths } from '@samenhang/config';
import { bindKv, connectAs, kvByteStore } from '@samenhang/nats';
import { loadRegistry } from '@samenhang/pki';
import { loadDefaultPolicy, loadPolicy } from '@samenhang/policy';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { loadBrokerKeys, readStackInfo, type BrokerKeys } from '@samenhang/service-base';
import { isValidBsn } from '@samenhang/signal';
import { BUCKETS, signalKey } from '@samenhang/topology';
import { Vault } from '@samenhang/vault';
import { EXIT, out, usageError } from '../output.js';
import { htmlToText } from '../html-text.js';

export interface AccessReportFlags {
  bsn?: string;
  lang?: string;
  requester?: string;
  'requester-bsn'?: string;
  'checked-by'?: string;
  policy?: string;
  html?: string;
  json?: boolean;
}

/** A BSN the command was given, checked before anything is read: a wrong one is the caller's mistake. */
function checkedBsn(flag: string, value: string): string {
  if (!isValidBsn(value)) throw usageError(`--${flag} is not a valid BSN (nine digits that pass the 11-test)`);
  return value;
}

/** The vault, read with the broker's keys as broker-admin (the one identity that may read it outside the services). */
async function withVault<T>(paths: HomePaths, keys: BrokerKeys, use: (v: Vault) => Promise<T>): Promise<T> {
  const nc = await connectAs({ paths, servers: readStackInfo(paths).servers, identity: 'broker-admin' });
  try {
    const js = nc.jetstream();
    const vault = new Vault(
      keys.vaultKek,
      kvByteStore(await bindKv(js, BUCKETS.VAULT_KEYS)),
      kvByteStore(await bindKv(js, BUCKETS.VAULT)),
    );
    return await use(vault);
  } finally {
    await nc.close();
  }
}

/**
 * `audit access-report --bsn <bsn> [--lang nl|en] [--requester …] [--html <file> | --json]`:
 * the report for a citizen's access request (AVG art. 15), in words, with a copy of the data
 * the vault holds. The same model and renderer as the console's page (@samenhang/audit-log).
 */
export async function accessReport(paths: HomePaths, flags: AccessReportFlags): Promise<number> {
  if (!flags.bsn) throw usageError('access-report needs --bsn <bsn>');
  const bsn = checkedBsn('bsn', flags.bsn);
  const lang = flags.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw usageError('--lang takes nl or en');
  const kind = (flags.requester ?? 'self') as RequesterKind;
  if (!REQUESTER_KINDS.includes(kind)) throw usageError(`--requester takes ${REQUESTER_KINDS.join(', ')}`);
  const requesterBsn =
    flags['requester-bsn'] === undefined ? undefined : checkedBsn('requester-bsn', flags['requester-bsn']);
  if (kind !== 'self' && !requesterBsn)
    throw usageError(`--requester ${kind} needs --requester-bsn <bsn>: signals that name the requester are withheld`);
  if (kind === 'self' && requesterBsn && requesterBsn !== bsn)
    throw usageError(
      '--requester-bsn differs from --bsn: name who asks with --requester parent|guardian|representative',
    );
  if (flags.html && flags.json) throw usageError('--html and --json exclude each other');

  const keys = loadBrokerKeys(paths);
  const pseudonyms = createPseudonymizer(keys.pseudonymMaster);
  const person = pseudonyms.person(bsn);
  // What of the log can concern the person, from the index (the report reads no more).
  const index = await openAuditIndex(paths);
  let records: ReturnType<typeof index.concerning>;
  try {
    records = index.concerning(person);
  } finally {
    index.close();
  }
  const policy = flags.policy ? loadPolicy(flags.policy) : loadDefaultPolicy();
  const held = await withVault(paths, keys, (vault) => readHeldData(vault, records, person, signalKey));
  const ctx = reportContext(loadRegistry(paths.registry), policy.retention, {
    kind,
    ...(kind !== 'self' && requesterBsn ? { pseudonym: pseudonyms.person(requesterBsn) } : {}),
    ...(flags['checked-by'] ? { checkedBy: flags['checked-by'] } : {}),
  });
  const report = citizenReport(records, person, held, ctx);
  if (flags.json) out(JSON.stringify(report, null, 2));
  else if (flags.html) {
    writeFileSync(flags.html, citizenReportDocument(report, lang), { mode: 0o600 });
    out(`access report written to ${flags.html} (${report.signals.length} signals); print it to make a PDF`);
  } else out(htmlToText(renderCitizenReport(report, lang)));
  return EXIT.OK;
}
