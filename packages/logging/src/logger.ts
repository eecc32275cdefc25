import { pino, type Logger, type DestinationStream } from 'pino';
import { redact } from './redact.js';

export interface LoggerOptions {
  readonly service: string;
  readonly level?: string;
  readonly destination?: DestinationStream;
}

/** At most this long (ms) between a line being logged and its being written to stdout. */
export const LOG_FLUSH_MS = 1_000;

// sonic-boom's options, which pino's typings do not list in full.
const STDOUT = { dest: 1, sync: false, minLength: 4_096, periodicFlush: LOG_FLUSH_MS } as Parameters<
  typeof pino.destination
>[0];

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
    // Without a destination: stdout, written asynchronously and in blocks. A line per signal
    // written synchronously was one write(2) each on the service's only thread (~4 % of the
    // gateway's CPU at 500 signals/s); lines now go out once 4 KiB have gathered or every
    // LOG_FLUSH_MS (~3 % of the gateway's CPU less than a write per line). pino flushes what
    // is pending when the process exits, also after a crash.
    options.destination ?? pino.destination(STDOUT),
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
