import { compileValidator, envNumber, type Env, type HomePaths } from '@samenhang/config';
import { DEFAULT_REGION_TABLE_FILE } from '@samenhang/signal';
import { SERVICE_CONFIG_PROPERTIES, SERVICE_CONFIG_REQUIRED, serviceBase } from '@samenhang/service-base';

export interface GatewayConfig {
  readonly home: string;
  readonly servers: readonly string[];
  /** This process's name among its service's instances (e.g. consent-2), for health reports. */
  readonly instance: string;
  readonly maxEnvelopeBytes: number;
  readonly concurrency: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  readonly maxSummaryChars: number;
  /** Postcode ranges per region (packages/signal/regions/region-table.json unless SAMENHANG_REGION_TABLE names another). */
  readonly regionTableFile: string;
}

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [...SERVICE_CONFIG_REQUIRED, 'maxEnvelopeBytes', 'concurrency', 'maxSummaryChars', 'regionTableFile'],
  properties: {
    ...SERVICE_CONFIG_PROPERTIES,
    maxEnvelopeBytes: { type: 'integer', minimum: 1024, maximum: 1_048_576 },
    concurrency: { type: 'integer', minimum: 1, maximum: 1024 },
    maxSummaryChars: { type: 'integer', minimum: 100, maximum: 20_000 },
    regionTableFile: { type: 'string', minLength: 1 },
  },
};

const validate = compileValidator<GatewayConfig>(schema, 'gateway configuration');

/** Builds the gateway's configuration from the environment snapshot, validated once and frozen. */
export function loadGatewayConfig(env: Env, cwd: string): { config: GatewayConfig; paths: HomePaths } {
  const { paths, fields } = serviceBase(env, cwd);
  const config = validate({
    ...fields,
    maxEnvelopeBytes: envNumber(env.SAMENHANG_MAX_ENVELOPE_BYTES, 64 * 1024),
    concurrency: envNumber(env.SAMENHANG_GATEWAY_CONCURRENCY, 64),
    maxSummaryChars: envNumber(env.SAMENHANG_MAX_SUMMARY_CHARS, 2000),
    regionTableFile: env.SAMENHANG_REGION_TABLE || DEFAULT_REGION_TABLE_FILE,
  });
  return { config, paths };
}
