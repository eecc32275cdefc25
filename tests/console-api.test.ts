import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueIdentity, revokeCertificate } from '@samenhang/certs-dev';
import { loadSigner, type AgencyClient } from '@samenhang/client';
import { loadRegistry } from '@samenhang/pki';
import { readConsoleInfo } from '@samenhang/console';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { mutatedEnvelope } from './helpers/envelopes.js';
import { https, type HttpsAnswer } from './helpers/https.js';
import { badCaseSignal, loadScenario, type BadCase } from './helpers/scenario.js';
import { startTestStack, type TestStack } from '@samenhang/testkit';

const scenario = loadScenario<{ base: Record<string, unknown>; cases: BadCase[] }>('bad-inputs');
const openapi = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@samenhang/console/openapi.json'), 'utf8'),
);
const ajv = new Ajv({ strict: false, validateFormats: false });
ajv.addSchema(openapi, 'openapi');

/** Every answer must be one the OpenAPI document declares for the operation, with a body matching its schema. */
function conforms(path: string, method: string, a: HttpsAnswer): void {
  const op = openapi.paths[path]?.[method];
  expect(op, `${method} ${path} documented`).toBeDefined();
  let declared = op.responses[String(a.status)];
  expect(declared, `${method} ${path} documents ${a.status}`).toBeDefined();
  if (declared.$ref) declared = openapi.components.responses[declared.$ref.split('/').pop()];
  const type = String(a.headers['content-type']).split(';')[0]!;
  const media = declared.content?.[type];
  expect(media, `${a.status} as ${type}`).toBeDefined();
  if (media.schema?.$ref) {
    const ok = ajv.validate({ $ref: `openapi${media.schema.$ref}` }, a.json());
    expect(ok, JSON.stringify(ajv.errors)).toBe(true);
  }
}

describe('agency HTTPS API (real mutual TLS, real stack)', () => {
  let t: TestStack;
  let api: string;
  let ede: AgencyClient;
  const post = (path: string, as: string, body: Uint8Array | string, type = 'application/x-protobuf') =>
    https(t.paths, `${api}${path}`, { as, body, type });
  const signal = (id: string) =>
    signalFromJson(badCaseSignal(scenario.base, { id, agency: 'lokaalteam-ede', code: '' }, Date.now(), id));

  beforeAll(async () => {
    t = await startTestStack({
      services: ['broker-gateway', 'consent', 'audit', 'console'],
      serviceEnv: { SAMENHANG_RECEIPT_TIMEOUT_MS: '3000' },
      // A second certificate of lokaalteam-ede, revoked as after a key rotation.
      prepare: async (paths) => {
        const old = await issueIdentity(paths, loadRegistry(paths.registry), 'participant', 'lokaalteam-ede', {
          suffix: 'old',
        });
        await revokeCertificate(paths, old.kid);
      },
    });
    api = readConsoleInfo(t.paths).apiUrl;
    ede = await t.client('lokaalteam-ede');
  });
  afterAll(async () => t?.close());

  it('answers a valid protobuf envelope with its ACCEPTED receipt, the same bytes again with the same, and a re-signed one with DUPLICATE', async () => {
    const envelope = await ede.sign(signal('api-valid-1'));
    const a = await post('/v1/signals', 'lokaalteam-ede', envelope);
    expect(a.status).toBe(201);
    expect(a.json()).toMatchObject({ status: 'ACCEPTED', signalId: 'api-valid-1', agencyId: 'lokaalteam-ede' });
    conforms('/v1/signals', 'post', a);
    // A client that lost the answer sends the same envelope again: it is stored once, and answered as before.
    const same = await post('/v1/signals', 'lokaalteam-ede', envelope);
    expect([same.status, same.json()]).toEqual([201, a.json()]);
    const again = await post('/v1/signals', 'lokaalteam-ede', await ede.sign(signal('api-valid-1')));
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ status: 'DUPLICATE', originalEnvelopeSha256: a.json().envelopeSha256 });
    conforms('/v1/signals', 'post', again);
  });

  it('accepts the same envelope as JWS flattened JSON', async () => {
    const e = v1.SignalEnvelope.decode(await ede.sign(signal('api-jws-1')));
    const body = JSON.stringify({
      payload: Buffer.from(e.payload).toString('base64url'),
      protected: e.protected,
      signature: e.signature,
    });
    const a = await post('/v1/signals', 'lokaalteam-ede', body, 'application/jose+json');
    expect(a.status).toBe(201);
    expect(a.json().status).toBe('ACCEPTED');
  });

  it.each(scenario.cases.map((c) => [c.id, c] as const))('bad input %s → problem+json with its code', async (id, c) => {
    const s = badCaseSignal(scenario.base, c, Date.now(), `api-bad-${id}`);
    const envelope = c.mutate
      ? await mutatedEnvelope(c.mutate, s, ede, {
          other: loadSigner(t.paths, 'ggz-centraal'),
          revoked: loadSigner(t.paths, 'lokaalteam-ede.old'),
        })
      : await ede.sign(signalFromJson(s));
    const a = await post('/v1/signals', 'lokaalteam-ede', envelope);
    expect(a.headers['content-type']).toBe('application/problem+json');
    expect(a.json().code).toBe(c.code);
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.text).not.toContain('999990'); // never echoes personal data
    conforms('/v1/signals', 'post', a);
  });

  it('refuses a certificate posting as another agency', async () => {
    const asGgz = await ede.sign(signal('api-as-other'), { signer: loadSigner(t.paths, 'ggz-centraal') });
    const a = await post('/v1/signals', 'lokaalteam-ede', asGgz);
    expect(a.status).toBe(422);
    expect(a.json()).toMatchObject({
      code: 'ERR_AGENCY_MISMATCH',
      receipt: { status: 'REJECTED', agencyId: 'lokaalteam-ede' },
    });
    conforms('/v1/signals', 'post', a);
  });

  it('allows only identities whose NATS permissions allow the ingress subject', async () => {
    const a = await post('/v1/signals', 'privacy-officer', await ede.sign(signal('api-po')));
    expect(a.status).toBe(403);
    expect(a.json().code).toBe('ERR_FORBIDDEN');
    conforms('/v1/signals', 'post', a);
  });

  it('refuses a connection without a client certificate at the TLS handshake', async () => {
    await expect(https(t.paths, `${api}/v1/signals`, { body: 'x', type: 'application/x-protobuf' })).rejects.toThrow();
  });

  it('refuses other media types with ERR_MEDIA_TYPE', async () => {
    const a = await post('/v1/consents', 'lokaalteam-ede', 'hello', 'text/plain');
    expect(a.status).toBe(415);
    expect(a.json().code).toBe('ERR_MEDIA_TYPE');
    conforms('/v1/consents', 'post', a);
  });

  it('serves the OpenAPI document it conforms to', async () => {
    const a = await https(t.paths, `${api}/v1/openapi.json`, { as: 'lokaalteam-ede' });
    expect(a.json()).toEqual(openapi);
    const unknown = await https(t.paths, `${api}/v1/receipts/999999?since=0`, { as: 'lokaalteam-ede' });
    expect(unknown.json().code).toBe('ERR_NOT_FOUND');
    conforms('/v1/receipts/{sequence}', 'get', unknown);
  });

  it('sends HSTS on every answer of both servers, problem documents included', async () => {
    const web = readConsoleInfo(t.paths).webUrl;
    const answers = [
      await https(t.paths, `${api}/v1/openapi.json`, { as: 'lokaalteam-ede' }),
      await post('/v1/consents', 'lokaalteam-ede', 'hello', 'text/plain'),
      await https(t.paths, `${api}/v1/nothing-here`, { as: 'lokaalteam-ede' }),
      await https(t.paths, `${web}/`),
      await https(t.paths, `${web}/assets/console.css`),
      await https(t.paths, `${web}/nothing-here`),
    ];
    for (const a of answers)
      expect(a.headers['strict-transport-security'], `answer ${a.status}`).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers 202 with a receipt location while the gateway is down, and the receipt there once it is back', async () => {
    await t.stack.services.get('broker-gateway')!.stop();
    const a = await post('/v1/signals', 'lokaalteam-ede', await ede.sign(signal('api-late-1')));
    expect(a.status).toBe(202);
    conforms('/v1/signals', 'post', a);
    const location = String(a.headers.location);
    const pending = await https(t.paths, `${api}${location}`, { as: 'lokaalteam-ede' });
    expect(pending.status).toBe(202);
    // Another agency cannot read this receipt.
    expect((await https(t.paths, `${api}${location}`, { as: 'ggz-centraal' })).status).toBe(404);
    await t.stack.startService('broker-gateway');
    let later = pending;
    for (let i = 0; i < 40 && later.status === 202; i++) {
      await sleep(250);
      later = await https(t.paths, `${api}${location}`, { as: 'lokaalteam-ede' });
    }
    expect(later.status).toBe(201);
    expect(later.json()).toMatchObject({ status: 'ACCEPTED', signalId: 'api-late-1' });
    conforms('/v1/receipts/{sequence}', 'get', later);
  });
});
