import { compileValidator, envNumber, type Env, type HomePaths } from '@samenhang/config';
import { SERVICE_CONFIG_PROPERTIES, SERVICE_CONFIG_REQUIRED, serviceBase } from '@samenhang/service-base';

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
  const { paths, fields } = serviceBase(env, cwd);
  const config = validate({
    ...fields,
    checkpointEvery: envNumber(env.SAMENHANG_CHECKPOINT_EVERY, 64),
    checkpointMs: envNumber(env.SAMENHANG_CHECKPOINT_MS, 5000),
  });
  return { config, paths };
}
