import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePki } from '@samenhang/certs-dev';
import { homePaths, readEnv, type HomePaths } from '@samenhang/config';
import { readConsoleInfo } from '@samenhang/console';
import { startEmbeddedNats, startStack, type RunningStack } from '@samenhang/launcher';
import { readStackInfo } from '@samenhang/service-base';

// Two homes for the whole file: making a home's PKI takes seconds.
const roots: string[] = [];
const newHome = () => {
  const root = mkdtempSync(join(tmpdir(), 'samenhang-ports-'));
  roots.push(root);
  return homePaths(root);
};
const a = newHome();
const b = newHome();
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** Everything a home listens on: nats client, monitoring and route ports, the console's two HTTPS ports. */
function listening(paths: HomePaths): Record<string, unknown> {
  const info = readStackInfo(paths);
  const out: Record<string, unknown> = {
    nats: info.natsNodes.map((n) => [n.spec.port, n.spec.monitorPort, n.spec.cluster?.port]),
    servers: info.servers,
    monitorUrls: info.monitorUrls,
  };
  try {
    const c = readConsoleInfo(paths);
    out.console = [c.webUrl, c.apiUrl];
  } catch {
    // a stack without the console
  }
  return out;
}

async function withStack<T>(
  paths: HomePaths,
  o: Parameters<typeof startStack>[2],
  f: (s: RunningStack) => Promise<T> | T,
): Promise<T> {
  const stack = await startStack(paths, readEnv(), o);
  try {
    return await f(stack);
  } finally {
    await stack.stop();
  }
}

const hold = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });

describe('ports of a home', () => {
  it('are the same when the home is started again, and another home side by side gets others', async () => {
    const first = await withStack(a, { services: ['console'] }, () => listening(a));
    expect(first.console).toBeDefined();
    await withStack(a, { services: ['console'] }, async () => {
      expect(listening(a)).toEqual(first);
      const other = await withStack(b, { services: ['console'] }, () => listening(b));
      const ports = (x: Record<string, unknown>) => JSON.stringify(x).match(/\d{4,5}/g)!;
      expect(ports(other).filter((p) => ports(first).includes(p))).toEqual([]);
    });
  }, 90_000);

  it('replaces a recorded port that something else holds, says so in the stack log, and keeps the new one', async () => {
    const first = await withStack(a, { services: [] }, () => readStackInfo(a).natsNodes[0]!.spec);
    const squatter = await hold(first.port);
    let second: typeof first;
    try {
      second = await withStack(a, { services: [] }, () => readStackInfo(a).natsNodes[0]!.spec);
    } finally {
      squatter.close();
    }
    expect(second.port).not.toBe(first.port);
    expect(second.monitorPort).toBe(first.monitorPort);
    const lines = readFileSync(join(a.logs, 'stack.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'port changed: the recorded one is in use by another process',
        what: 'nats-1.client',
        recorded: first.port,
        port: second.port,
      }),
    );
    const third = await withStack(a, { services: [] }, () => readStackInfo(a).natsNodes[0]!.spec);
    expect(third.port).toBe(second.port);
  }, 60_000);

  it('of a 3-node cluster (client, monitoring and route ports) are the same on the next start', async () => {
    await ensurePki(b); // made already when the first test ran
    // The nodes alone: creating every stream with three replicas would add nothing here.
    const cluster = async () => {
      const nodes = await startEmbeddedNats(b, readEnv(), 3);
      await Promise.all(nodes.map((n) => n.stop()));
      return nodes.map((n) => [n.spec.port, n.spec.monitorPort, n.spec.cluster!.port, n.spec.cluster!.routes]);
    };
    const first = await cluster();
    expect(new Set(first.flatMap((n) => n.slice(0, 3))).size).toBe(9);
    expect(await cluster()).toEqual(first);
  }, 90_000);
});
