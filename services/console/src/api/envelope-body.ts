import { SamenhangError } from '@samenhang/errors';
import { v1 } from '@samenhang/proto';

export const PROTOBUF_TYPE = 'application/x-protobuf';
export const JWS_JSON_TYPE = 'application/jose+json';

const B64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The signed envelope of a request body, as the bytes the ingress subject carries.
 * A protobuf body is passed on unchanged (the gateway verifies exactly the bytes
 * the agency sent); a JWS flattened JSON body ({payload, protected, signature},
 * the payload being the base64url protobuf Signal) is re-packed losslessly into a
 * SignalEnvelope: the signature covers `protected.payload`, which is unchanged.
 */
export function envelopeFromBody(contentType: string | undefined, body: Buffer): Uint8Array {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === PROTOBUF_TYPE) return body;
  if (type !== JWS_JSON_TYPE && type !== 'application/json') {
    throw new SamenhangError(
      'ERR_MEDIA_TYPE',
      `send ${PROTOBUF_TYPE} (a SignalEnvelope) or ${JWS_JSON_TYPE} (JWS flattened JSON)`,
    );
  }
  let jws: unknown;
  try {
    jws = JSON.parse(body.toString('utf8'));
  } catch (cause) {
    throw new SamenhangError('ERR_ENVELOPE_MALFORMED', 'the body is not JSON', { cause });
  }
  const o = jws as Record<string, unknown>;
  const keys = jws && typeof jws === 'object' && !Array.isArray(jws) ? Object.keys(o).sort().join() : '';
  if (
    keys !== 'payload,protected,signature' ||
    ![o.payload, o.protected, o.signature].every((v) => typeof v === 'string' && B64URL.test(v))
  ) {
    throw new SamenhangError(
      'ERR_ENVELOPE_MALFORMED',
      'a JWS flattened JSON object with exactly payload, protected and signature (base64url) is required',
    );
  }
  const payload = Buffer.from(o.payload as string, 'base64url');
  // Only canonical base64url: the bytes signed must be the bytes passed on.
  if (payload.toString('base64url') !== o.payload)
    throw new SamenhangError('ERR_ENVELOPE_MALFORMED', 'payload is not canonical base64url');
  return v1.SignalEnvelope.encode({
    payload,
    protected: o.protected as string,
    signature: o.signature as string,
  }).finish();
}
