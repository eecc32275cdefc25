import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { homePaths } from '@samenhang/config';
import { loadRegistry } from '@samenhang/pki';
import { SERVICE_NODE_OPTIONS } from '@samenhang/launcher';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'packages/cli/bin/samenhang.js');
const compose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
const composeMissing =
  compose.error || compose.status !== 0
    ? `docker-compose is not installed (Debian package docker-compose): ${compose.error?.message ?? compose.stderr}`
    : '';
if (composeMissing) console.log(`skipping the docker-compose validation: ${composeMissing}`);

describe('deployment files', () => {
  const out = mkdtempSync(join(tmpdir(), 'samenhang-deploy-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('samenhang deploy writes a PKI, broker keys and three node configurations routed to each other', async () => {
    const r = await promisify(execFile)('node', [BIN, 'deploy', '--out', out], { timeout: 60_000 });
    expect(r.stdout).toMatch(/nats-1\.conf, nats-2\.conf, nats-3\.conf/);
    const users = loadRegistry(homePaths(join(out, 'home')).registry);
    for (const [i, node] of ['nats-1', 'nats-2', 'nats-3'].entries()) {
      const conf = readFileSync(join(out, `${node}.conf`), 'utf8');
      expect(conf).toContain(`server_name: "${node}"`);
      expect(conf).toContain('listen: "0.0.0.0:4222"');
      expect(conf).toContain('cert_file: "/samenhang/pki/server.crt"'); // paths inside the container
      expect(conf).toContain('verify_and_map: true');
      const routes = /routes: \[(.*)\]/.exec(conf)![1]!;
      expect(routes.split(', ').sort()).toEqual(
        ['nats-1', 'nats-2', 'nats-3'].filter((_, j) => j !== i).map((n) => `"nats-route://${n}:6222"`),
      );
      expect(conf.match(/\{ user: "spiffe:/g)).toHaveLength(users.participants.length + users.services.length);
    }
    // The server certificate names the three nodes, so services verify them by name.
    const { X509Certificate } = await import('node:crypto');
    const cert = new X509Certificate(readFileSync(homePaths(join(out, 'home')).serverCert));
    for (const n of ['nats-1', 'nats-2', 'nats-3']) expect(cert.checkHost(n)).toBe(n);
  });

  it.skipIf(Boolean(composeMissing))(
    'docker-compose.yml validates: three official nats nodes, the services from the Dockerfile, the home mounted',
    async () => {
      const run = (args: string[]) =>
        promisify(execFile)('docker-compose', ['-f', join(ROOT, 'docker-compose.yml'), ...args], {
          cwd: ROOT,
          timeout: 60_000,
        });
      expect((await run(['config', '--services'])).stdout.trim().split('\n').sort()).toEqual([
        'audit',
        'broker-gateway',
        'consent',
        'nats-1',
        'nats-2',
        'nats-3',
        'streams',
      ]);
      expect((await run(['config', '--volumes'])).stdout.trim().split('\n').sort()).toEqual([
        'nats-1-data',
        'nats-2-data',
        'nats-3-data',
      ]);
      const config = (await run(['config'])).stdout;
      expect(config.match(/image: nats:2\.9\.\d+-alpine/g)).toHaveLength(3);
      expect(config.match(/dockerfile: Dockerfile/g)).toHaveLength(4); // streams init + three services
      expect(config.match(/deploy\/home:\/samenhang:ro/g)).toHaveLength(7);
      for (const s of ['broker-gateway', 'consent', 'audit']) expect(config).toContain(`services/${s}/dist/main.js`);
      // The services run with the same Node options as in `samenhang up` (the heap cap).
      for (const o of SERVICE_NODE_OPTIONS) expect(config.split(o).length - 1).toBe(3);
    },
  );
});
