export { createLogger, LOG_FLUSH_MS } from './logger.js';
export type { Logger, LoggerOptions } from './logger.js';
export { CENSOR, PERSONAL_KEYS, redact } from './redact.js';
