import type { Msg } from 'nats';
import { describe, expect, it } from 'vitest';
import type { Registry } from '@samenhang/pki';
import type { ConsentDeps } from '../src/deps.js';
import { answerErasure } from '../src/erasure-request.js';

const registry = {
  participants: [{ id: 'rvt-foodvalley', kind: 'RVT', regions: ['foodvalley'] }],
  services: [
    { id: 'consent', role: 'consent' },
    { id: 'console', role: 'console' },
    { id: 'broker-admin', role: 'admin' },
  ],
} as unknown as Registry;

/** Deps whose every store fails the test if touched: what is refused must change nothing. */
function deps(): { d: ConsentDeps; warned: string[] } {
  const warned: string[] = [];
  const untouchable = new Proxy(
    {},
    {
      get: (_, k) => {
        throw new Error(`touched ${String(k)}`);
      },
    },
  );
  const log = { warn: (_: unknown, m: string) => warned.push(m), error: () => undefined, info: () => undefined };
  return {
    d: { registry, log, systems: untouchable, vault: untouchable, audit: untouchable } as unknown as ConsentDeps,
    warned,
  };
}

const request = (reply: string | undefined, body: unknown) => {
  const answers: unknown[] = [];
  const m = {
    reply,
    data: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    respond: (b: Uint8Array) => answers.push(JSON.parse(Buffer.from(b).toString('utf8'))) > 0,
  } as unknown as Msg;
  return { m, answers };
};

describe('erasure requests to the consent service', () => {
  it("ignores a request whose reply subject is not the operator's or the console's inbox", async () => {
    for (const reply of [undefined, '_INBOX_rvt-foodvalley.x', '$KV.PICTURES.sys_x', '_INBOX_console']) {
      const { d, warned } = deps();
      const { m, answers } = request(reply, { person: 'p'.repeat(43), reason: 'AVG17_REQUEST', by: 'a', byRole: 'b' });
      await answerErasure(m, d);
      expect(answers, String(reply)).toEqual([]);
      expect(warned).toHaveLength(1);
    }
  });

  it('refuses a malformed request with ERR_ERASURE_INVALID, erasing nothing', async () => {
    for (const body of [
      'nope',
      { person: 'p'.repeat(43), reason: 'COURT_ORDER', by: 'broker-admin', byRole: 'operator' },
      { person: '999990007', reason: 'AVG17_REQUEST', by: 'broker-admin', byRole: 'operator' },
    ]) {
      const { d } = deps();
      const { m, answers } = request('_INBOX_broker-admin.1', body);
      await answerErasure(m, d);
      expect(answers).toEqual([expect.objectContaining({ ok: false, code: 'ERR_ERASURE_INVALID' })]);
    }
  });

  it('answers a failure half-way as ERR_ERASURE_FAILED, to be asked again', async () => {
    const { d } = deps();
    const { m, answers } = request('_INBOX_console.7', {
      person: 'p'.repeat(43),
      reason: 'AVG17_REQUEST',
      by: 'person:abc',
      byRole: 'privacy-officer',
    });
    await answerErasure(m, d);
    expect(answers).toEqual([expect.objectContaining({ ok: false, code: 'ERR_ERASURE_FAILED' })]);
  });
});
