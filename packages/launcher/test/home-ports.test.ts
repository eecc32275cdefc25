import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homePaths } from '@samenhang/config';
import { HomePorts, portsFile } from '../src/home-ports.js';
import { portFree } from '../src/ports.js';

const homes: string[] = [];
const home = () => {
  const root = mkdtempSync(join(tmpdir(), 'samenhang-ports-'));
  homes.push(root);
  return homePaths(root);
};
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

const hold = (port: number) =>
  new Promise<Server>((resolve) => {
    const srv = createServer();
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });

describe('HomePorts', () => {
  it('gives a home the same ports on its next start, and each key its own', async () => {
    const paths = home();
    const first = HomePorts.open(paths);
    const a = [await first.take('nats-1.client'), await first.take('nats-1.monitor'), await first.take('console.web')];
    expect(new Set(a).size).toBe(3);
    expect(await first.take('nats-1.client')).toBe(a[0]); // asked again in one start: the same
    first.save();
    expect(JSON.parse(readFileSync(portsFile(paths), 'utf8'))).toEqual({
      'console.web': a[2],
      'nats-1.client': a[0],
      'nats-1.monitor': a[1],
    });
    const again = HomePorts.open(paths);
    expect([
      await again.take('nats-1.client'),
      await again.take('nats-1.monitor'),
      await again.take('console.web'),
    ]).toEqual(a);
  });

  it('replaces a recorded port something else holds, says which, and keeps the new one', async () => {
    const paths = home();
    const first = HomePorts.open(paths);
    const was = await first.take('nats-1.client');
    first.save();
    const srv = await hold(was);
    try {
      expect(await portFree(was)).toBe(false);
      const notes: [string, Record<string, unknown>][] = [];
      const second = HomePorts.open(paths, (msg, fields) => notes.push([msg, fields]));
      const now = await second.take('nats-1.client');
      expect(now).not.toBe(was);
      expect(notes).toEqual([
        [
          'port changed: the recorded one is in use by another process',
          { what: 'nats-1.client', recorded: was, port: now },
        ],
      ]);
      second.save();
      expect(await HomePorts.open(paths).take('nats-1.client')).toBe(now);
    } finally {
      srv.close();
    }
  });

  it('starts afresh from a missing or unreadable file', async () => {
    const paths = home();
    expect(await HomePorts.open(paths).take('x')).toBeGreaterThan(0);
  });
});
