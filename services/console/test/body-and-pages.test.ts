import { describe, expect, it } from 'vitest';
import { v1 } from '@samenhang/proto';
import { envelopeFromBody } from '../src/api/envelope-body.js';
import { h, esc } from '../src/web/html.js';
import { LANGS, MESSAGES } from '../src/web/i18n.js';

const envelope = { payload: new Uint8Array([8, 1, 18, 3]), protected: 'eyJhbGciOiJQUzI1NiJ9', signature: 'c2ln' };
const jws = {
  payload: Buffer.from(envelope.payload).toString('base64url'),
  protected: envelope.protected,
  signature: envelope.signature,
};

describe('request bodies to envelopes', () => {
  it('passes a protobuf envelope on byte for byte', () => {
    const bytes = v1.SignalEnvelope.encode(envelope).finish();
    expect(envelopeFromBody('application/x-protobuf', Buffer.from(bytes))).toEqual(Buffer.from(bytes));
  });
  it('re-packs JWS flattened JSON into the same envelope', () => {
    const out = v1.SignalEnvelope.decode(
      envelopeFromBody('application/jose+json; charset=utf-8', Buffer.from(JSON.stringify(jws))),
    );
    expect({ payload: Buffer.from(out.payload), protected: out.protected, signature: out.signature }).toEqual({
      ...envelope,
      payload: Buffer.from(envelope.payload),
    });
  });
  it.each([
    ['text/plain', 'x', 'ERR_MEDIA_TYPE'],
    [undefined, 'x', 'ERR_MEDIA_TYPE'],
    ['application/jose+json', '{', 'ERR_ENVELOPE_MALFORMED'],
    ['application/jose+json', '[]', 'ERR_ENVELOPE_MALFORMED'],
    ['application/jose+json', JSON.stringify({ ...jws, header: {} }), 'ERR_ENVELOPE_MALFORMED'],
    ['application/jose+json', JSON.stringify({ ...jws, signature: 'a+b/' }), 'ERR_ENVELOPE_MALFORMED'],
    ['application/jose+json', JSON.stringify({ ...jws, payload: 'CAESAx' + 'Z' }), 'ERR_ENVELOPE_MALFORMED'],
  ])('%s %s → %s', (type, body, code) => {
    expect(() => envelopeFromBody(type, Buffer.from(body))).toThrow(expect.objectContaining({ code }));
  });
});

describe('pages', () => {
  it('escape every interpolated value', () => {
    const name = '<script>alert("x")</script>';
    expect(h`<p>${name}</p>`.html).toBe(`<p>${esc(name)}</p>`);
    expect(h`<p>${name}</p>`.html).not.toContain('<script>');
    expect(h`<ul>${[h`<li>${'a&b'}</li>`]}</ul>`.html).toBe('<ul><li>a&#38;b</li></ul>');
  });
  it('have every text in Dutch and English', () => {
    const keys = LANGS.map((l) => Object.keys(MESSAGES[l]).sort().join());
    expect(new Set(keys).size).toBe(1);
    for (const l of LANGS) for (const [k, v] of Object.entries(MESSAGES[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
    expect(MESSAGES.nl.why).not.toBe(MESSAGES.en.why);
  });
});
