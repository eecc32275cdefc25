import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const logger = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const { LOG_FLUSH_MS } = (await import(logger)) as typeof import('../src/index.js');

/** Lines are written to stdout asynchronously; none may be lost when the process ends. */
describe('logger: asynchronous stdout', () => {
  const run = (ending: string) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
    const { createLogger } = await import(${JSON.stringify(logger)});
    const log = createLogger({ service: 'test' });
    for (let i = 0; i < 2000; i++) log.info({ i }, 'line');
    ${ending}
  `,
      ],
      { encoding: 'utf8', timeout: 20_000 },
    );
  const numbers = (out: string) =>
    out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { i: number }).i);
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

  it('writes a lone line within LOG_FLUSH_MS while the process keeps running', async () => {
    // Lines are written in blocks of 4 KiB; one line alone must not wait for the next 4 KiB or the exit.
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      const { createLogger } = await import(${JSON.stringify(logger)});
      createLogger({ service: 'test' }).info({ i: 1 }, 'lone');
      setTimeout(() => {}, ${LOG_FLUSH_MS * 5});
    `,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString('utf8');
      });
      const started = Date.now();
      while (!out.includes('"msg":"lone"') && Date.now() - started < LOG_FLUSH_MS * 4)
        await new Promise((r) => setTimeout(r, 20));
      expect(out).toContain('"msg":"lone"');
      expect(child.exitCode).toBeNull(); // written by the timer, not by the exit
    } finally {
      child.kill();
    }
  });
});
