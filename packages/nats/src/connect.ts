import { readFileSync } from 'node:fs';
import { connect, type NatsConnection } from 'nats';
import { identityFiles, type HomePaths } from '@samenhang/config';
import { inboxPrefix } from '@samenhang/topology';
import { quietCancelledErrors } from './quiet-cancel.js';

export interface ConnectOptions {
  readonly paths: HomePaths;
  readonly servers: readonly string[];
  /** Identity id: the certificate `identities/<id>.crt` is presented. */
  readonly identity: string;
  /** Another certificate of the same identity (e.g. `lokaalteam-ede.rotated`). */
  readonly certName?: string;
  readonly name?: string;
  readonly maxReconnectAttempts?: number;
  readonly timeoutMs?: number;
}

/** Connects with mutual TLS as one identity; the certificate decides who we are. */
export function connectAs(o: ConnectOptions): Promise<NatsConnection> {
  quietCancelledErrors();
  const files = identityFiles(o.paths, o.certName ?? o.identity);
  return connect({
    servers: [...o.servers],
    name: o.name ?? o.identity,
    tls: {
      ca: readFileSync(o.paths.caCert, 'utf8'),
      cert: readFileSync(files.cert, 'utf8'),
      key: readFileSync(files.key, 'utf8'),
    },
    inboxPrefix: inboxPrefix(o.identity),
    // Capturing an Error stack per request costs ~45 % of js.publish CPU (NOTES).
    noAsyncTraces: true,
    maxReconnectAttempts: o.maxReconnectAttempts ?? -1,
    reconnectTimeWait: 250,
    timeout: o.timeoutMs ?? 5000,
  });
}
