import type { HomePaths } from '@samenhang/config';
import {
  encodeErasureRequest,
  type ErasureReason,
  erasureGroundsProblem,
  parseErasureResult,
} from '@samenhang/audit-log';
import { SamenhangError } from '@samenhang/errors';
import { connectAs } from '@samenhang/nats';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { loadBrokerKeys, readStackInfo } from '@samenhang/service-base';
import { isValidBsn } from '@samenhang/signal';
import { subjects } from '@samenhang/topology';
import { EXIT, out, usageError } from '../output.js';

/** The operator's identity: only it (and the console) may publish an erasure request. */
const OPERATOR = 'broker-admin';
/** Erasing re-derives a family's picture and sends its corrections: seconds, not minutes. */
const TIMEOUT_MS = 60_000;

/**
 * `samenhang erase --bsn <bsn> --reason <code> [--order <ref>]`: asks the consent service to
 * erase a person and waits for what it did. The BSN is pseudonymised here with the broker key:
 * it never leaves this process, and the tombstone names the operator's identity as who.
 */
export async function erase(
  paths: HomePaths,
  flags: { bsn?: string; reason?: string; order?: string; json?: boolean },
): Promise<number> {
  if (!flags.bsn || !isValidBsn(flags.bsn)) throw usageError('--bsn must be a valid BSN (nine digits, elfproef)');
  const grounds = erasureGroundsProblem(flags.reason ?? '', flags.order);
  if (grounds) throw usageError(grounds);
  const person = createPseudonymizer(loadBrokerKeys(paths).pseudonymMaster).person(flags.bsn);
  const nc = await connectAs({
    paths,
    servers: readStackInfo(paths).servers,
    identity: OPERATOR,
    maxReconnectAttempts: 0,
  });
  try {
    const request = encodeErasureRequest({
      person,
      reason: flags.reason as ErasureReason,
      ...(flags.order ? { order: flags.order } : {}),
      by: OPERATOR,
      byRole: 'operator',
    });
    const reply = await nc.request(subjects.erasure, request, { timeout: TIMEOUT_MS }).catch((e: unknown) => {
      throw new SamenhangError('ERR_ERASURE_FAILED', 'the consent service did not answer; ask again', { cause: e });
    });
    const result = parseErasureResult(reply.data);
    if (!result.ok)
      throw new SamenhangError(
        result.code === 'ERR_ERASURE_INVALID' ? result.code : 'ERR_ERASURE_FAILED',
        result.message,
      );
    if (flags.json) out(JSON.stringify(result));
    else
      out(
        `erased ${result.person}: ${result.signals} signal(s), ${result.systems.length} family system(s) re-derived; tombstone ${result.erasureId} at ${result.time}`,
      );
    return EXIT.OK;
  } finally {
    await nc.close();
  }
}
