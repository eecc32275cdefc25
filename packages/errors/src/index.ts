export { ERROR_CODES, isErrorCode } from './codes.js';
export type { ErrorCode } from './codes.js';
export { SamenhangError, isSamenhangError } from './samenhang-error.js';
