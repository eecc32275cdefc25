import { Ajv, type ErrorObject, type JSONSchemaType } from 'ajv';
import { SamenhangError, type ErrorCode } from '@samenhang/errors';

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true });

/** Deep-freezes a validated value so nothing can change configuration after start-up. */
export function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** "/nats/port must be integer" — the failing path and rule, never the offending value. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const extra =
        e.keyword === 'additionalProperties'
          ? ` '${String((e.params as { additionalProperty: string }).additionalProperty)}'`
          : '';
      return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
    })
    .join('; ');
}

/**
 * Returns a validator that checks a value against a JSON schema, applies defaults,
 * and freezes the result; failures throw a SamenhangError naming every failing path.
 */
export function compileValidator<T>(
  schema: JSONSchemaType<T> | object,
  what: string,
  code: ErrorCode = 'ERR_CONFIG_INVALID',
) {
  const validate = ajv.compile<T>(schema as JSONSchemaType<T>);
  return (value: unknown): Readonly<T> => {
    const copy = structuredClone(value);
    if (!validate(copy)) {
      throw new SamenhangError(code, `${what} is invalid: ${describeErrors(validate.errors)}`, {
        path: validate.errors?.[0]?.instancePath || '/',
      });
    }
    return deepFreeze(copy);
  };
}
