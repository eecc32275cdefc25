// What other packages (the CLI, tests) may use of the console without starting it.
export { readConsoleInfo } from './console-file.js';
export type { ConsoleInfo } from './console-file.js';
export { envelopeFromBody, JWS_JSON_TYPE, PROTOBUF_TYPE } from './api/envelope-body.js';
export { MESSAGES, LANGS } from './web/i18n.js';
