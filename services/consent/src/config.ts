import { compileValidator, envNumber, type Env, type HomePaths } from '@samenhang/config';
import { SERVICE_CONFIG_PROPERTIES, SERVICE_CONFIG_REQUIRED, serviceBase } from '@samenhang/service-base';

export interface ConsentConfig {
  readonly home: string;
  readonly servers: readonly string[];
  /** This process's name among its service's instances (e.g. consent-2), for health reports. */
  readonly instance: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Another policy file than the shipped default; with `policySha256` it must match that digest. */
  readonly policyFile?: string;
  readonly policySha256?: string;
  readonly concurrency: number;
  /** How often signals past their retention are taken out of pictures (also once at start). */
  readonly expirySweepMs: number;
}

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [...SERVICE_CONFIG_REQUIRED, 'concurrency', 'expirySweepMs'],
  properties: {
    ...SERVICE_CONFIG_PROPERTIES,
    policyFile: { type: 'string', minLength: 1 },
    policySha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    concurrency: { type: 'integer', minimum: 1, maximum: 256 },
    expirySweepMs: { type: 'integer', minimum: 100, maximum: 86_400_000 },
  },
};

const validate = compileValidator<ConsentConfig>(schema, 'consent configuration');

export function loadConsentConfig(env: Env, cwd: string): { config: ConsentConfig; paths: HomePaths } {
  const { paths, fields } = serviceBase(env, cwd);
  const config = validate({
    ...fields,
    ...(env.SAMENHANG_POLICY_FILE ? { policyFile: env.SAMENHANG_POLICY_FILE } : {}),
    ...(env.SAMENHANG_POLICY_SHA256 ? { policySha256: env.SAMENHANG_POLICY_SHA256 } : {}),
    concurrency: envNumber(env.SAMENHANG_CONSENT_CONCURRENCY, 64),
    expirySweepMs: envNumber(env.SAMENHANG_EXPIRY_SWEEP_MS, 3_600_000),
  });
  return { config, paths };
}
