// console: the HTTPS interface for agency systems (mutual TLS) and the web console
// for RVT staff and privacy officers. This file only wires the parts together.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { AuditIndex, follow } from '@samenhang/audit-index';
import { readEnv } from '@samenhang/config';
import { createLogger } from '@samenhang/logging';
import { loadRegistry } from '@samenhang/pki';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { bindKv, connectAs, kvByteStore } from '@samenhang/nats';
import { loadDefaultPolicy, loadPolicy } from '@samenhang/policy';
import { Vault } from '@samenhang/vault';
import { BUCKETS, SESSION_MAX_MS } from '@samenhang/topology';
import { loadBrokerKeys } from '@samenhang/service-base';
import { Revocations } from './access/identity.js';
import { OidcSignIn } from './access/oidc.js';
import { followSessions, sessionStore } from './access/session-store.js';
import { Sessions } from './access/sessions.js';
import { ReceiptWaiter } from './api/receipt-waiter.js';
import { handleApi } from './api/routes.js';
import { loadConsoleConfig } from './config.js';
import { removeConsoleInfo, writeConsoleInfo } from './console-file.js';
import { withStrictTransport } from './http.js';
import { AlertsFeed } from './web/alerts-feed.js';
import { AuditView } from './web/audit-view.js';
import { LastLooked } from './web/last-looked.js';
import { WebConsole } from './web/routes.js';
import { ConsoleAudit } from './web/view-records.js';
import { Assignments } from './staff/assignments.js';
import { People } from './staff/people.js';
import { consoleStoreKey, SealedKv } from './staff/sealed-kv.js';

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

async function main(): Promise<void> {
  const { config, paths } = loadConsoleConfig(readEnv(), process.cwd());
  const log = createLogger({ service: 'console', level: config.logLevel });
  const registry = loadRegistry(paths.registry);
  const tls = {
    key: readFileSync(paths.serverKey),
    cert: readFileSync(paths.serverCert),
    minVersion: 'TLSv1.2' as const,
  };
  const ca = readFileSync(paths.caCert);
  const nc = await connectAs({ paths, servers: config.servers, identity: 'console' });
  const js = nc.jetstream();
  const revocations = new Revocations(paths);
  const receipts = new ReceiptWaiter(nc);
  const openapi = readFileSync(fileURLToPath(new URL('../openapi.json', import.meta.url)), 'utf8');

  // Agency systems: no certificate from the broker's CA, no connection.
  const api = createServer({ ...tls, ca, requestCert: true, rejectUnauthorized: true });
  api.on(
    'request',
    withStrictTransport(
      (req, res) =>
        void handleApi(req, res, {
          js,
          registry,
          revocations,
          receipts,
          receiptTimeoutMs: config.receiptTimeoutMs,
          openapi,
          log,
        }),
    ),
  );
  const apiPort = await listen(api, config.apiPort, config.host);

  // Sessions in NATS KV: every console instance and a restart keep them.
  const { kv: sessionsKv, store } = await sessionStore(js);
  const sessions = new Sessions(config.sessionTtlSeconds * 1000, SESSION_MAX_MS, store, (err) =>
    log.warn({ err }, 'session not stored: it may end sooner on another instance'),
  );
  const stopSessions = await followSessions(sessionsKv, sessions, (err) =>
    log.error({ err }, 'sessions watch ended: sessions of other instances are not seen'),
  );
  const brokerKeys = loadBrokerKeys(paths);
  const web = createServer(tls);
  const webPort = await listen(web, config.webPort, config.host);
  const origin = `https://${config.host}:${webPort}`;
  const storeKey = consoleStoreKey(brokerKeys.vaultKek);
  const sealed = async <T>(bucket: string) => new SealedKv<T>(await bindKv(js, bucket), bucket, storeKey);
  const feed = new AlertsFeed(nc, log);
  await feed.start();
  // The audit log's read model, kept current for the privacy officer's pages.
  const auditIndex = AuditIndex.openOrRebuild(paths.auditIndex);
  // Followed in the background: catching up with a long log (after an upgrade, millions of
  // records) must not hold back the pages RVT workers use. A log the index cannot take in stops
  // only the pages that read it (each catches up first and says why), never the console.
  const indexing = follow(nc, auditIndex, log).catch((err: unknown) => {
    log.error({ err }, 'the audit index does not follow the log: audit pages will say why');
    return undefined;
  });
  const webConsole = new WebConsole({
    nc,
    registry,
    revocations,
    sessions,
    oidc: new OidcSignIn(paths, registry, `${origin}/oidc/callback`, brokerKeys.pseudonymMaster),
    lastLooked: new LastLooked(await bindKv(js, BUCKETS.CONSOLE_SEEN)),
    people: new People(await sealed(BUCKETS.CONSOLE_PEOPLE)),
    assignments: new Assignments(await sealed(BUCKETS.CONSOLE_ASSIGNMENTS)),
    feed,
    audit: new ConsoleAudit(js),
    auditView: new AuditView(nc, { ca: new X509Certificate(ca), trustDomain: registry.trustDomain }, auditIndex),
    pseudonyms: createPseudonymizer(brokerKeys.pseudonymMaster),
    // Read only for an access report's copy of a person's data; nothing is cached, so an erasure shows at once.
    vault: new Vault(
      brokerKeys.vaultKek,
      kvByteStore(await bindKv(js, BUCKETS.VAULT_KEYS)),
      kvByteStore(await bindKv(js, BUCKETS.VAULT)),
    ),
    // The retention an access report states: the consent service's policy (the same setting).
    retention: (config.policyFile ? loadPolicy(config.policyFile) : loadDefaultPolicy()).retention,
    origin,
    assetsDir: fileURLToPath(new URL('../assets', import.meta.url)),
    purpose: 'SAFETY_ASSESSMENT',
    log,
  });
  web.on(
    'request',
    withStrictTransport((req, res) => void webConsole.handle(req, res)),
  );

  const apiUrl = `https://${config.host}:${apiPort}`;
  writeConsoleInfo(paths, { webUrl: origin, apiUrl, pid: process.pid });
  log.info({ apiUrl, webUrl: origin }, 'console ready');
  process.send?.({ ready: 'console' });

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'draining');
    feed.stop();
    stopSessions();
    const following = await indexing;
    following?.stop();
    await following?.done.catch(() => undefined);
    auditIndex.close();
    receipts.close();
    for (const s of [api, web]) {
      s.close();
      s.closeAllConnections();
    }
    removeConsoleInfo(paths);
    await nc.drain().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string };
  process.stderr.write(`console: ${err.code ?? 'ERR_INTERNAL'}: ${err.message ?? String(e)}\n`);
  process.exit(1);
});
