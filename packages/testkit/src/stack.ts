import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { homePaths, readEnv, type HomePaths } from '@samenhang/config';
import { AgencyClient } from '@samenhang/client';
import { startStack, type RunningStack, type StackOptions } from '@samenhang/launcher';
import type { JetStreamClient, NatsConnection } from 'nats';
import { afterAll, beforeAll } from 'vitest';
import { connectAs } from '@samenhang/nats';
import { ensurePki } from '@samenhang/certs-dev';
import { copyRunPki } from './pki-template.js';

export interface TestStack {
  readonly paths: HomePaths;
  readonly stack: RunningStack;
  client(agencyId: string, certName?: string): Promise<AgencyClient>;
  /** `reconnect`: keep reconnecting (to another node of a cluster) instead of closing. */
  connect(identity: string, o?: { reconnect?: boolean }): ReturnType<typeof connectAs>;
  close(): Promise<void>;
}

/**
 * A whole stack in a fresh temp home: real nats-server (JetStream, mutual TLS,
 * free loopback ports) and the real service processes. close() stops every
 * process it started and removes the home.
 */
export async function startTestStack(
  options: StackOptions & { prepare?: (paths: HomePaths) => Promise<void> } = {},
): Promise<TestStack> {
  const root = mkdtempSync(join(tmpdir(), 'samenhang-test-'));
  const paths = homePaths(root);
  copyRunPki(paths);
  if (options.prepare) {
    await ensurePki(paths);
    await options.prepare(paths);
  }
  const stack = await startStack(paths, readEnv(), options);
  const clients: AgencyClient[] = [];
  const conns: { close(): Promise<void> }[] = [];
  return {
    paths,
    stack,
    async client(agencyId, certName) {
      const c = await AgencyClient.open(paths, stack.servers, agencyId, certName);
      clients.push(c);
      return c;
    },
    async connect(identity, o) {
      const nc = await connectAs({
        paths,
        servers: stack.servers,
        identity,
        maxReconnectAttempts: o?.reconnect ? -1 : 0,
      });
      conns.push(nc);
      return nc;
    },
    async close() {
      await Promise.allSettled(clients.map((c) => c.close()));
      await Promise.allSettled(conns.map((c) => c.close()));
      await stack.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A stack without services (real nats-server and buckets only) and the admin's JetStream client. */
export async function bareStack(): Promise<{ t: TestStack; js: JetStreamClient }> {
  const t = await startTestStack({ services: [] });
  return { t, js: (await t.connect('broker-admin')).jetstream() };
}

/** One stack for a describe block, the broker admin connected: started before its tests, closed after them. */
export function stackPerSuite(options: StackOptions = {}): { readonly t: TestStack; readonly admin: NatsConnection } {
  const s = {} as { t: TestStack; admin: NatsConnection };
  beforeAll(async () => {
    s.t = await startTestStack(options);
    s.admin = await s.t.connect('broker-admin');
  });
  afterAll(async () => s.t?.close());
  return s;
}
