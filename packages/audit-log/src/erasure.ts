import { SamenhangError } from '@samenhang/errors';

/**
 * Why a person is erased (docs/cli.md, `samenhang erase`): the person's own request under
 * AVG art. 17, a court order (its reference is then required), or processing found unlawful.
 */
export const ERASURE_REASONS = ['AVG17_REQUEST', 'COURT_ORDER', 'UNLAWFUL_PROCESSING'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/**
 * What the operator (CLI) or the privacy officer (console) asks the consent service to erase.
 * The person by pseudonym, never by BSN: the requester pseudonymises it with the broker key,
 * so the BSN never leaves the process it was typed into.
 */
export interface ErasureRequest {
  readonly person: string;
  readonly reason: ErasureReason;
  /** The court order's reference (required for COURT_ORDER). */
  readonly order?: string;
  /** Who asks: the operator's identity, or the signed-in person's pseudonymous id. */
  readonly by: string;
  readonly byRole: string;
}

/** The consent service's answer: what was erased, or why nothing was. */
export type ErasureResult =
  | {
      readonly ok: true;
      readonly erasureId: string;
      readonly person: string;
      readonly signals: number;
      readonly systems: readonly string[];
      readonly time: string;
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * The tombstone of an erasure in the audit log: who was erased (pseudonym), how many of their
 * signals, when, why and on whose word. Never a BSN, name or anything of what was erased.
 */
export interface ErasureRecord {
  readonly type: 'erasure';
  readonly erasureId: string;
  readonly time: string;
  readonly person: string;
  /** Signals about the person (as subject) taken out of pictures, their content destroyed. */
  readonly signals: number;
  /** Family systems re-derived without the person. */
  readonly systems: readonly string[];
  readonly reason: ErasureReason;
  readonly order?: string;
  readonly by: string;
  readonly byRole: string;
}

/** A court order's reference: letters, digits and a few separators (it is recorded, so no free text). */
const ORDER = /^[A-Za-z0-9][A-Za-z0-9 ./:_-]{0,79}$/;
/** Who asked: an identity or pseudonymous id. */
const BY = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
const PSEUDONYM = /^[A-Za-z0-9_-]{16,128}$/;

export const isErasureReason = (r: string): r is ErasureReason => (ERASURE_REASONS as readonly string[]).includes(r);

/** What is wrong with a reason and order as given, if anything (shared by the CLI, console and service). */
export function erasureGroundsProblem(reason: string, order: string | undefined): string | undefined {
  if (!isErasureReason(reason)) return `reason must be one of ${ERASURE_REASONS.join(', ')}`;
  if (reason === 'COURT_ORDER' && (order === undefined || order === ''))
    return 'COURT_ORDER needs the order reference (--order)';
  if (order !== undefined && order !== '' && !ORDER.test(order))
    return 'an order reference is 1-80 letters, digits, spaces and . / : _ -';
  return undefined;
}

/** A request as received: anything malformed is refused whole (ERR_ERASURE_INVALID). */
export function parseErasureRequest(bytes: Uint8Array): ErasureRequest {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new SamenhangError('ERR_ERASURE_INVALID', 'not an erasure request');
  }
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  const person = str('person');
  const reason = str('reason') ?? '';
  const order = str('order');
  const by = str('by');
  const byRole = str('byRole');
  if (!person || !PSEUDONYM.test(person)) throw new SamenhangError('ERR_ERASURE_INVALID', 'person is not a pseudonym');
  const grounds = erasureGroundsProblem(reason, order);
  if (grounds) throw new SamenhangError('ERR_ERASURE_INVALID', grounds);
  if (!by || !BY.test(by) || !byRole || !BY.test(byRole))
    throw new SamenhangError('ERR_ERASURE_INVALID', 'by and byRole must name who asks');
  return { person, reason: reason as ErasureReason, ...(order ? { order } : {}), by, byRole };
}

/** A request as sent (the requester checked the grounds with `erasureGroundsProblem` first). */
export const encodeErasureRequest = (r: ErasureRequest): Uint8Array => Buffer.from(JSON.stringify(r));

/** The consent service's answer as received; anything unreadable is a failure (fail closed). */
export function parseErasureResult(bytes: Uint8Array): ErasureResult {
  try {
    const r = JSON.parse(Buffer.from(bytes).toString('utf8')) as ErasureResult;
    if (r.ok === true && typeof r.erasureId === 'string' && typeof r.signals === 'number') return r;
    if (r.ok === false && typeof r.code === 'string') return r;
  } catch {
    /* answered below */
  }
  return { ok: false, code: 'ERR_ERASURE_FAILED', message: 'the answer to the erasure request is unreadable' };
}
