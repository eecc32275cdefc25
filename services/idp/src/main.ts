// idp: the development identity provider `samenhang up` starts, so people sign in to the
// console as themselves without any organisation's key. This file only wires the parts together.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readEnv } from '@samenhang/config';
import { createLogger } from '@samenhang/logging';
import { ensureIdpClient, writeIdpInfo } from '@samenhang/service-base';
import { loadIdpConfig } from './config.js';
import { createProvider } from './provider.js';
import { loadUsers } from './users.js';

async function main(): Promise<void> {
  const { config, paths } = loadIdpConfig(readEnv(), process.cwd());
  const log = createLogger({ service: 'idp', level: config.logLevel });
  const users = loadUsers(config.usersFile);
  const client = ensureIdpClient(paths);
  const server = createServer({
    key: readFileSync(paths.serverKey),
    cert: readFileSync(paths.serverCert),
    minVersion: 'TLSv1.2',
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
  });
  const issuer = `https://${config.host === '::1' ? '[::1]' : config.host}:${port}`;
  const provider = createProvider(issuer, users, client, config.redirectUris);
  // Failed sign-ins are logged by kind only: no login, token or claim.
  provider.on('server_error', (_ctx, err) => log.error({ err: { message: err.message } }, 'identity provider error'));
  server.on('request', provider.callback());
  writeIdpInfo(paths, issuer);
  log.info({ issuer, users: users.size }, 'identity provider ready');
  process.send?.({ ready: 'idp' });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string };
  process.stderr.write(`idp: ${err.code ?? 'ERR_INTERNAL'}: ${err.message ?? String(e)}\n`);
  process.exit(1);
});
