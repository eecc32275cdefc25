import type { ErrorCode } from './codes.js';

/**
 * The one error class of Samenhang: a stable `code` from {@link ErrorCode}, a
 * message safe to show to the sender (never personal data), and an optional
 * `cause` for operators. `path` names the failing field where there is one.
 */
export class SamenhangError extends Error {
  override readonly name = 'SamenhangError';
  readonly code: ErrorCode;
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; path?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}

export function isSamenhangError(err: unknown, code?: ErrorCode): err is SamenhangError {
  return err instanceof SamenhangError && (code === undefined || err.code === code);
}
