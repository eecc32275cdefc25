import { ErrorCode, NatsError } from 'nats';

let installed = false;
let cancelled: NatsError | undefined;

/**
 * nats.js rejects every completed request's (already settled) promise with a fresh
 * `Cancelled` NatsError, whose stack trace is captured and thrown away: ~10 % of the
 * gateway's and the consent service's CPU under load. Such an error is never seen by
 * anyone, so one error without a stack serves them all (a request cancelled while
 * pending gets the same code and message); every other error is made as before.
 */
export function quietCancelledErrors(): void {
  if (installed) return;
  installed = true;
  const original = NatsError.errorForCode.bind(NatsError);
  NatsError.errorForCode = (code: string, chained?: Error) => {
    if (code !== ErrorCode.Cancelled || chained) return original(code, chained);
    if (cancelled) return cancelled;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      cancelled = original(code, chained);
      return cancelled;
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
}
