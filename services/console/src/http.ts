import type { IncomingMessage, ServerResponse } from 'node:http';
import { SamenhangError, type ErrorCode } from '@samenhang/errors';

/**
 * HSTS on every answer of both servers: a browser or client that reached the console once
 * refuses plain HTTP to its host (and subdomains) for a year, so a network attacker cannot
 * downgrade a later visit and read session cookies or personal data.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Sets HSTS before `handler` runs, so no route — problem documents included — can miss it. */
export function withStrictTransport(handler: Handler): Handler {
  return (req, res) => {
    res.setHeader('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    handler(req, res);
  };
}

/** HTTP status per error code; an ingress rejection is 422 unless it says otherwise. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  ERR_UNAUTHENTICATED: 401,
  ERR_CERT_REVOKED: 403,
  ERR_FORBIDDEN: 403,
  ERR_LOGIN_INVALID: 401,
  ERR_NOT_FOUND: 404,
  ERR_MEDIA_TYPE: 415,
  ERR_ENVELOPE_TOO_LARGE: 413,
  ERR_ENVELOPE_MALFORMED: 400,
  ERR_INPUT_INVALID: 400,
  ERR_RECEIPT_TIMEOUT: 504,
  ERR_PKI_MISSING: 503,
  ERR_INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 422;
}

/** RFC 9457 problem details; `code` is the stable code of docs/errors.md. Never echoes input. */
export function sendProblem(
  res: ServerResponse,
  code: ErrorCode,
  detail: string,
  extra: Record<string, unknown> = {},
): void {
  const status = statusOf(code);
  const body = {
    type: `https://samenhang.dev/errors#${code.toLowerCase()}`,
    title: code,
    status,
    code,
    detail,
    ...extra,
  };
  res.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, e: unknown): void {
  if (e instanceof SamenhangError) sendProblem(res, e.code, e.message);
  else sendProblem(res, 'ERR_INTERNAL', 'internal error');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Reads a request body up to `max` bytes; larger bodies are refused before they are buffered. */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new SamenhangError('ERR_ENVELOPE_TOO_LARGE', `the body exceeds ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new SamenhangError('ERR_ENVELOPE_TOO_LARGE', `the body exceeds ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
