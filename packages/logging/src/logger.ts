import { pino, type Logger, type DestinationStream } from 'pino';

/**
 * Field names that may hold personal data. Code should never log them in the first
 * place; redaction is the second line of defence (DESIGN §6, invariant 3).
 */
const PERSONAL_KEYS = [
  'bsn', 'name', 'birthDate', 'address', 'postcode', 'houseNumber', 'houseNumberSuffix',
  'summary', 'contact', 'phone', 'email', 'subject', 'relatedPersons', 'person', 'payload',
];

const REDACT_PATHS = PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export interface LoggerOptions {
  readonly service: string;
  readonly level?: string;
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Errors are serialised by code and message only: causes may hold input bytes.
      serializers: {
        err: (e: unknown) => {
          if (e instanceof Error) {
            return { type: e.name, code: (e as { code?: unknown }).code, message: e.message };
          }
          return { message: String(e) };
        },
      },
    },
    options.destination,
  );
}

export type { Logger };
