import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { JetStreamClient } from 'nats';
import { isErrorCode, SamenhangError } from '@samenhang/errors';
import type { Logger } from '@samenhang/logging';
import type { Registry } from '@samenhang/pki';
import { fromTimestamp, v1 } from '@samenhang/proto';
import { subjects } from '@samenhang/stack';
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
    signalId: r.signalId, agencyId: r.agencyId, status: STATUS_NAMES[r.status] ?? 'UNSPECIFIED', ...(r.code ? { code: r.code } : {}),
    reason: r.reason, envelopeSha256: r.envelopeSha256, ...(at !== undefined ? { receivedAt: new Date(at).toISOString() } : {}),
  };
}

/** An ACCEPTED or DUPLICATE receipt is a success; a REJECTED one is a problem document carrying its code. */
function sendReceipt(res: ServerResponse, r: v1.Receipt): void {
  const body = receiptJson(r);
  if (body.status === 'REJECTED') return sendProblem(res, isErrorCode(r.code) ? r.code : 'ERR_INTERNAL', r.reason, { receipt: body });
  sendJson(res, body.status === 'ACCEPTED' ? 201 : 200, body);
}

/** POST /v1/signals, POST /v1/consents: the same signed envelope into the same ingress path. */
async function postEnvelope(req: IncomingMessage, res: ServerResponse, who: Identity, kind: 'signals' | 'consents', d: ApiDeps): Promise<void> {
  const subject = kind === 'signals' ? subjects.ingress(who.id) : subjects.consent(who.id);
  if (!may.publish(who, subject)) throw new SamenhangError('ERR_FORBIDDEN', `this identity may not send ${kind}`);
  const envelope = envelopeFromBody(req.headers['content-type'], await readBody(req, MAX_BODY * 2));
  if (envelope.length > MAX_BODY) throw new SamenhangError('ERR_ENVELOPE_TOO_LARGE', `the envelope exceeds ${MAX_BODY} bytes`);
  const since = Date.now();
  const ack = await d.js.publish(subject, envelope);
  const receipt = await d.receipts.wait(ack.seq, d.receiptTimeoutMs);
  if (receipt) return sendReceipt(res, receipt);
  const location = `/v1/receipts/${ack.seq}?since=${since}`;
  sendJson(res, 202, { status: 'PENDING', location }, { location });
}

async function getReceipt(url: URL, res: ServerResponse, who: Identity, d: ApiDeps): Promise<void> {
  const seq = Number(url.pathname.split('/')[3]);
  const since = Number(url.searchParams.get('since') ?? 0);
  if (!Number.isSafeInteger(seq) || seq < 1 || !Number.isSafeInteger(since)) throw new SamenhangError('ERR_INPUT_INVALID', 'a receipt location is /v1/receipts/<sequence>?since=<ms>');
  const found = await d.receipts.lookup(who.id, seq, since);
  if (found === 'pending') return sendJson(res, 202, { status: 'PENDING', location: url.pathname + url.search }, { 'retry-after': '1' });
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
    const who = peerIdentity((req.socket as TLSSocket).getPeerX509Certificate(), d.registry, await d.revocations.current());
    if (req.method === 'POST' && url.pathname === '/v1/signals') return await postEnvelope(req, res, who, 'signals', d);
    if (req.method === 'POST' && url.pathname === '/v1/consents') return await postEnvelope(req, res, who, 'consents', d);
    if (req.method === 'GET' && /^\/v1\/receipts\/[0-9]+$/.test(url.pathname)) return await getReceipt(url, res, who, d);
    throw new SamenhangError('ERR_NOT_FOUND', 'no such resource');
  } catch (e) {
    if (!(e instanceof SamenhangError)) d.log.error({ err: e, path: url.pathname }, 'API request failed');
    // The rest of an unread body is dropped: the connection closes after the answer.
    if (!req.complete) res.setHeader('connection', 'close');
    sendError(res, e);
  }
}
