import { describe, expect, it } from 'vitest';
import { ErrorCode, NatsError } from 'nats';
import { SamenhangError } from '@samenhang/errors';
import { failureAction } from '../src/failure-policy.js';

/** A JetStream API error as nats.js throws it (jsbaseclient_api parseJsResponse). */
function apiError(status: number, errCode: number, description: string): NatsError {
  const e = new NatsError(description, String(status));
  e.api_error = { code: status, err_code: errCode, description };
  return e;
}

const MAX = 5;

describe('gateway failure policy', () => {
  it('rejects an envelope fault with its own code at once', () => {
    const e = new SamenhangError('ERR_SIGNAL_MALFORMED', 'payload is not a Signal');
    expect(failureAction(e, 1, MAX)).toEqual({ kind: 'reject', error: e });
  });

  // A stream electing a leader after kill -9 of its node answered 503 for longer than
  // five redeliveries; those valid signals were rejected as ERR_INTERNAL (seen in CI).
  it.each([
    ['no responders', NatsError.errorForCode(ErrorCode.NoResponders)],
    [
      'JetStream 503',
      NatsError.errorForCode(ErrorCode.JetStreamNotEnabled, new Error('jetstream system temporarily unavailable')),
    ],
    ['request timeout', NatsError.errorForCode(ErrorCode.Timeout)],
    ['disconnected', NatsError.errorForCode(ErrorCode.Disconnect)],
    ['no leader yet', apiError(500, 10009, 'JetStream cluster can not handle request')],
    ['cluster unavailable', apiError(503, 10008, 'JetStream system temporarily unavailable')],
    ['revocation list unverifiable', new SamenhangError('ERR_TRANSIENT', 'revocation list unavailable')],
    ['withdrawn signal in flight', new SamenhangError('ERR_TRANSIENT', 'the withdrawn signal is still being accepted')],
  ])('retries NATS being unavailable (%s) however often it was delivered', (_, e) => {
    for (const delivery of [1, MAX, 50, 10_000]) expect(failureAction(e, delivery, MAX).kind).toBe('retry');
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a permission refusal', NatsError.errorForCode(ErrorCode.PermissionsViolation)],
    ['a bad request', apiError(400, 10071, 'wrong last sequence: 7')],
    ['an ERR_INTERNAL of our own', new SamenhangError('ERR_INTERNAL', 'signal index entry vanished during claim')],
  ])('retries %s a few times, then gives ERR_INTERNAL', (_, e) => {
    expect(failureAction(e, 1, MAX).kind).toBe('retry');
    expect(failureAction(e, MAX - 1, MAX).kind).toBe('retry');
    expect(failureAction(e, MAX, MAX)).toEqual({ kind: 'internal' });
  });

  it('backs off with each delivery, at most 5 s', () => {
    const e = NatsError.errorForCode(ErrorCode.NoResponders);
    expect([1, 2, 4, 20, 1000].map((n) => (failureAction(e, n, MAX) as { delayMs: number }).delayMs)).toEqual([
      250, 500, 1000, 5000, 5000,
    ]);
  });
});
