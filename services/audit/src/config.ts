import { compileValidator, type Env, type HomePaths } from '@samenhang/config';
import { SERVICE_CONFIG_PROPERTIES, SERVICE_CONFIG_REQUIRED, serviceBase } from '@samenhang/stack';

export interface AuditConfig {
  readonly home: string;
  readonly servers: readonly string[];
  /** This process's name among its service's instances (e.g. consent-2), for health reports. */
  readonly instance: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** A signed checkpoint after this many new records … */
  readonly checkpointEvery: number;
  /** … or this long after the first uncovered record, whichever comes first. */
  readonly checkpointMs: number;
}

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [...SERVICE_CONFIG_REQUIRED, 'checkpointEvery', 'checkpointMs'],
  properties: {
    ...SERVICE_CONFIG_PROPERTIES,
    checkpointEvery: { type: 'integer', minimum: 1, maximum: 100_000 },
    checkpointMs: { type: 'integer', minimum: 100, maximum: 3_600_000 },
  },
};

const validate = compileValidator<AuditConfig>(schema, 'audit configuration');

export function loadAuditConfig(env: Env, cwd: string): { config: AuditConfig; paths: HomePaths } {
  const { home, paths, servers, instance } = serviceBase(env, cwd);
  const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
  return {
    paths,
    config: validate({
      home,
      servers,
      instance,
      logLevel: env['SAMENHANG_LOG_LEVEL'] ?? 'info',
      checkpointEvery: num(env['SAMENHANG_CHECKPOINT_EVERY'], 64),
      checkpointMs: num(env['SAMENHANG_CHECKPOINT_MS'], 5000),
    }),
  };
}
