import { compileValidator, envNumber, type Env, type HomePaths } from '@samenhang/config';
import { SERVICE_CONFIG_PROPERTIES, SERVICE_CONFIG_REQUIRED, serviceBase } from '@samenhang/service-base';

export interface ConsoleConfig {
  readonly home: string;
  readonly servers: readonly string[];
  readonly instance: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Loopback by default: put a reverse proxy or a firewall rule in front to expose it. */
  readonly host: string;
  /** Agency systems: mutual TLS required at the handshake. 0 = any free port. */
  readonly apiPort: number;
  /** Browsers: server TLS; people sign in with OpenID Connect at their organisation's identity provider. */
  readonly webPort: number;
  /** The idle timeout: a session unused this long ends; use renews it, up to an absolute 12 hours. */
  readonly sessionTtlSeconds: number;
  /** How long POST /v1/signals waits for the receipt before answering 202. */
  readonly receiptTimeoutMs: number;
  /** The policy in force (SAMENHANG_POLICY_FILE, as the consent service reads it): its retention is stated in access reports. */
  readonly policyFile?: string;
}

const port = { type: 'integer', minimum: 0, maximum: 65535 };
const schema = {
  type: 'object',
  additionalProperties: false,
  required: [...SERVICE_CONFIG_REQUIRED, 'host', 'apiPort', 'webPort', 'sessionTtlSeconds', 'receiptTimeoutMs'],
  properties: {
    ...SERVICE_CONFIG_PROPERTIES,
    host: { type: 'string', minLength: 1 },
    apiPort: port,
    webPort: port,
    sessionTtlSeconds: { type: 'integer', minimum: 1, maximum: 43_200 },
    receiptTimeoutMs: { type: 'integer', minimum: 100, maximum: 60_000 },
    policyFile: { type: 'string', minLength: 1 },
  },
};

const validate = compileValidator<ConsoleConfig>(schema, 'console configuration');

export function loadConsoleConfig(env: Env, cwd: string): { config: ConsoleConfig; paths: HomePaths } {
  const { paths, fields } = serviceBase(env, cwd);
  const config = validate({
    ...fields,
    host: env.SAMENHANG_CONSOLE_HOST ?? '127.0.0.1',
    // Any free port unless set: the URLs are printed by `up` and kept in <home>/console.json.
    apiPort: envNumber(env.SAMENHANG_API_PORT, 0),
    webPort: envNumber(env.SAMENHANG_CONSOLE_PORT, 0),
    // Short by default: a console left open on a shared desk signs out by itself.
    sessionTtlSeconds: envNumber(env.SAMENHANG_SESSION_TTL_SECONDS, 900),
    receiptTimeoutMs: envNumber(env.SAMENHANG_RECEIPT_TIMEOUT_MS, 5000),
    ...(env.SAMENHANG_POLICY_FILE ? { policyFile: env.SAMENHANG_POLICY_FILE } : {}),
  });
  return { config, paths };
}
