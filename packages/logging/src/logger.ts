import { pino, type Logger, type DestinationStream } from 'pino';
import { redact } from './redact.js';

export interface LoggerOptions {
  readonly service: string;
  readonly level?: string;
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      // Personal fields are censored in every line (and, below, in child loggers' bindings).
      formatters: { log: (o) => redact(o), bindings: (b) => redact(b) },
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
    // Without a destination: stdout, written asynchronously. A line per signal written
    // synchronously was one write(2) each on the service's only thread (~4 % of the gateway's
    // CPU at 500 signals/s); lines logged while a write is under way now go out together.
    // pino flushes what is pending when the process exits.
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
  // pino applies the bindings formatter to the base only; children (which inherit
  // this property) get their bindings censored here.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, opts) {
    return child.call(this, redact(bindings), opts);
  } as Logger['child'];
  return logger;
}

export type { Logger };
