export { childEnv, envNumber, readEnv } from './env.js';
export type { Env } from './env.js';
export { compileValidator, deepFreeze, describeErrors } from './validate.js';
export { homePaths, identityFiles, resolveHome } from './home.js';
export type { HomePaths } from './home.js';
