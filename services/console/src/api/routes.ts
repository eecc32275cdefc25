import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { JetStreamClient, PubAck } from 'nats';
import { envelopeSha256 } from '@samenhang/envelope';
import { isErrorCode, SamenhangError } from '@samenhang/errors';
import type { Logger } from '@samenhang/logging';
import type { Registry } from '@samenhang/pki';
import { fromTimestamp, v1 } from '@samenhang/proto';
import { isTransientNatsError, publishRetrying } from '@samenhang/nats';
import { subjects } from '@samenhang/topology';
import { peerIdentity, type Identity, type Revocations } from '../access/identity.js';
import { may } from '../access/may.js';
import { readBody, sendError, sendJson, sendProblem } from '../http.js';
import { envelopeFromBody } from './envelope-body.js';
import type { ReceiptWaiter } from './receipt-waiter.js';

export interface ApiDeps {
  readonly js: JetStreamClient;
  readonly registry: Registry;
  readonly revocations: Revocations;
  readonly receipts: ReceiptWaiter;
  readonly receiptTimeoutMs: number;
  readonly openapi: string;
  readonly log: Logger;
}

/** The body limit: NATS's max_payload; the gateway applies its own (smaller) envelope limit. */
const MAX_BODY = 1024 * 1024;
const STATUS_NAMES: Record<number, string> = { 1: 'ACCEPTED', 2: 'DUPLICATE', 3: 'REJECTED' };

export function receiptJson(r: v1.Receipt) {
  const at = fromTimestamp(r.receivedAt);
  return {
    signalId: r.signalId,
    agencyId: r.agencyId,
    status: STATUS_NAMES[r.status] ?? 'UNSPECIFIED',
    ...(r.code ? { code: r.code } : {}),
    reason: r.reason,
    envelopeSha256: r.envelopeSha256,
    ...(at !== undefined ? { receivedAt: new Date(at).toISOString() } : {}),
    ...(r.status === v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE && r.originalEnvelopeSha256
      ? { originalEnvelopeSha256: r.originalEnvelopeSha256 }
      : {}),
  };
}

/**
 * How long a POST keeps publishing an envelope NATS cannot store yet before answering 503:
 * a stream whose leader died elects another within seconds (up to ~16 s measured on two
 * busy cores).
 */
const PUBLISH_DEADLINE_MS = 20_000;
/** JetStream's duplicate window on INGRESS (streams.ts): a copy it already held was stored at most this long ago. */
const INGRESS_DUPLICATE_WINDOW_MS = 120_000;

/**
 * The outcome for the envelope sent: a DUPLICATE naming these very bytes as the envelope
 * that holds the id says an earlier copy of this envelope was accepted (the agency sent it
 * again after its duplicate window), so the answer is that acceptance.
 */
function outcomeOf(r: v1.Receipt): v1.Receipt {
  if (
    r.status !== v1.ReceiptStatus.RECEIPT_STATUS_DUPLICATE ||
    !r.originalEnvelopeSha256 ||
    r.originalEnvelopeSha256 !== r.envelopeSha256
  )
    return r;
  return v1.Receipt.create({
    ...r,
    status: v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    reason: 'accepted (this envelope was received before)',
  });
}

/** An ACCEPTED or DUPLICATE receipt is a success; a REJECTED one is a problem document carrying its code. */
function sendReceipt(res: ServerResponse, received: v1.Receipt): void {
  const r = outcomeOf(received);
  const body = receiptJson(r);
  if (body.status === 'REJECTED') {
    sendProblem(res, isErrorCode(r.code) ? r.code : 'ERR_INTERNAL', r.reason, { receipt: body });
    return;
  }
  sendJson(res, body.status === 'ACCEPTED' ? 201 : 200, body);
}

/** POST /v1/signals, POST /v1/consents: the same signed envelope into the same ingress path. */
async function postEnvelope(
  req: IncomingMessage,
  res: ServerResponse,
  who: Identity,
  kind: 'signals' | 'consents',
  d: ApiDeps,
): Promise<void> {
  const subject = kind === 'signals' ? subjects.ingress(who.id) : subjects.consent(who.id);
  if (!may.publish(who, subject)) throw new SamenhangError('ERR_FORBIDDEN', `this identity may not send ${kind}`);
  const envelope = envelopeFromBody(req.headers['content-type'], await readBody(req, MAX_BODY * 2));
  if (envelope.length > MAX_BODY)
    throw new SamenhangError('ERR_ENVELOPE_TOO_LARGE', `the envelope exceeds ${MAX_BODY} bytes`);
  const since = Date.now();
  // The envelope's hash as message id, on every try: JetStream stores one copy however often
  // it is sent, by us after a lost acknowledgement or by the agency after a 503 or a timeout.
  const sha = envelopeSha256(envelope);
  let ack: PubAck;
  try {
    ack = await publishRetrying(d.js, subject, envelope, {
      msgID: sha,
      deadline: since + PUBLISH_DEADLINE_MS,
      onRetry: (e, attempt) =>
        d.log.warn({ err: e, attempt, agencyId: who.id }, 'envelope not stored yet; publishing again'),
    });
  } catch (e) {
    if (!isTransientNatsError(e)) throw e;
    d.log.warn({ err: e, agencyId: who.id }, 'envelope not stored in time; answering 503');
    return sendUnavailable(res);
  }
  const receipt = await d.receipts.wait(ack.seq, d.receiptTimeoutMs);
  if (receipt) return sendReceipt(res, receipt);
  // JetStream held this envelope already: its receipt may be older than this call.
  const from = ack.duplicate ? since - INGRESS_DUPLICATE_WINDOW_MS : since;
  if (ack.duplicate) {
    const found = await d.receipts.lookup(who.id, ack.seq, from).catch(() => undefined);
    if (found && found !== 'pending') return sendReceipt(res, found);
  }
  const location = `/v1/receipts/${ack.seq}?since=${from}`;
  sendJson(res, 202, { status: 'PENDING', location }, { location });
}

/**
 * NATS did not confirm storing the envelope within the deadline. It may be stored (an
 * acknowledgement lost) or not: sending the same envelope again is safe either way.
 */
function sendUnavailable(res: ServerResponse): void {
  const detail =
    'the broker did not confirm storing the envelope in time (a node or leader is being replaced); send the same envelope again';
  res.writeHead(503, { 'content-type': 'application/problem+json', 'cache-control': 'no-store', 'retry-after': '5' });
  res.end(
    JSON.stringify({
      type: 'https://samenhang.dev/errors#err_internal',
      title: 'ERR_INTERNAL',
      status: 503,
      code: 'ERR_INTERNAL',
      detail,
    }),
  );
}

async function getReceipt(url: URL, res: ServerResponse, who: Identity, d: ApiDeps): Promise<void> {
  const seq = Number(url.pathname.split('/')[3]);
  const since = Number(url.searchParams.get('since') ?? 0);
  if (!Number.isSafeInteger(seq) || seq < 1 || !Number.isSafeInteger(since))
    throw new SamenhangError('ERR_INPUT_INVALID', 'a receipt location is /v1/receipts/<sequence>?since=<ms>');
  const found = await d.receipts.lookup(who.id, seq, since);
  if (found === 'pending')
    return sendJson(res, 202, { status: 'PENDING', location: url.pathname + url.search }, { 'retry-after': '1' });
  if (!found) throw new SamenhangError('ERR_NOT_FOUND', 'no receipt of this agency with that sequence');
  sendReceipt(res, found);
}

/** The agency HTTPS API (mutual TLS already required by the server). */
export async function handleApi(req: IncomingMessage, res: ServerResponse, d: ApiDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://api.invalid');
  try {
    if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url.pathname === '/v1/openapi.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(d.openapi);
    }
    const who = peerIdentity(
      (req.socket as TLSSocket).getPeerX509Certificate(),
      d.registry,
      await d.revocations.current(),
    );
    if (req.method === 'POST' && url.pathname === '/v1/signals') return await postEnvelope(req, res, who, 'signals', d);
    if (req.method === 'POST' && url.pathname === '/v1/consents')
      return await postEnvelope(req, res, who, 'consents', d);
    if (req.method === 'GET' && /^\/v1\/receipts\/[0-9]+$/.test(url.pathname))
      return await getReceipt(url, res, who, d);
    throw new SamenhangError('ERR_NOT_FOUND', 'no such resource');
  } catch (e) {
    if (!(e instanceof SamenhangError)) d.log.error({ err: e, path: url.pathname }, 'API request failed');
    // The rest of an unread body is dropped: the connection closes after the answer.
    if (!req.complete) res.setHeader('connection', 'close');
    sendError(res, e);
  }
}
