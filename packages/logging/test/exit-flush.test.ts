import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const logger = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** Lines are written to stdout asynchronously; none may be lost when the process ends. */
describe('logger: asynchronous stdout', () => {
  const run = (ending: string) => spawnSync(process.execPath, ['--input-type=module', '-e', `
    const { createLogger } = await import(${JSON.stringify(logger)});
    const log = createLogger({ service: 'test' });
    for (let i = 0; i < 2000; i++) log.info({ i }, 'line');
    ${ending}
  `], { encoding: 'utf8', timeout: 20_000 });
  const numbers = (out: string) => out.trim().split('\n').map((l) => (JSON.parse(l) as { i: number }).i);
  const all = Array.from({ length: 2000 }, (_, i) => i);

  it('writes every line, in order, before process.exit', () => {
    const r = run('process.exit(3);');
    expect(r.status).toBe(3);
    expect(numbers(r.stdout)).toEqual(all);
  });

  it('writes every line before a crash ends the process', () => {
    const r = run("throw new Error('crash');");
    expect(r.status).not.toBe(0);
    expect(numbers(r.stdout)).toEqual(all);
  });
});
