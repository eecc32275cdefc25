import { compileValidator, envNumber, type Env, type HomePaths, homePaths, resolveHome } from '@samenhang/config';

export interface IdpConfig {
  readonly home: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Loopback: the development identity provider is for this machine's browser only. */
  readonly host: string;
  /** 0 = any free port; `samenhang up` gives it the home's recorded one. */
  readonly port: number;
  /** The named test users (certs-dev/dev-users.json). */
  readonly usersFile: string;
  /** Where the console may be sent back to after sign-in (its /oidc/callback). */
  readonly redirectUris: readonly string[];
}

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['home', 'logLevel', 'host', 'port', 'usersFile', 'redirectUris'],
  properties: {
    home: { type: 'string', minLength: 1 },
    logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] },
    host: { enum: ['127.0.0.1', 'localhost', '::1'] },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    usersFile: { type: 'string', minLength: 1 },
    redirectUris: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', pattern: '^https://(127\\.0\\.0\\.1|localhost|\\[::1\\]):[0-9]{1,5}/oidc/callback$' },
    },
  },
};

const validate = compileValidator<IdpConfig>(schema, 'identity provider configuration');

export function loadIdpConfig(env: Env, cwd: string): { config: IdpConfig; paths: HomePaths } {
  const home = resolveHome(undefined, env, cwd);
  const config = validate({
    home,
    logLevel: env.SAMENHANG_LOG_LEVEL ?? 'info',
    host: env.SAMENHANG_IDP_HOST ?? '127.0.0.1',
    port: envNumber(env.SAMENHANG_IDP_PORT, 0),
    usersFile: env.SAMENHANG_IDP_USERS ?? '',
    redirectUris: (env.SAMENHANG_IDP_REDIRECT_URIS ?? '').split(',').filter(Boolean),
  });
  return { config, paths: homePaths(home) };
}
