import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@samenhang/logging';

describe('logger redaction', () => {
  it('redacts personal fields at any depth and serialises errors without their cause', async () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
    const log = createLogger({ service: 'test', destination });
    log.info({ bsn: '999990007', subject: { name: 'M. Visser' }, signal: { address: { postcode: '6717CD' }, summary: 'secret' }, agencyId: 'ggz' }, 'x');
    log.error({ err: Object.assign(new Error('failed', { cause: 'raw 999990007' }), { code: 'ERR_INTERNAL' }) }, 'y');
    const text = lines.join('');
    for (const v of ['999990007', 'M. Visser', '6717CD', 'secret']) expect(text).not.toContain(v);
    expect(text).toContain('"agencyId":"ggz"');
    expect(text).toContain('ERR_INTERNAL');
  });
});
