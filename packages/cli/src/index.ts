// The `samenhang` command is its bin (main.ts). What other packages use of it: starting a
// stack of a home (the launcher, to move to a package of its own) and asking its health.
export { CORE_SERVICES, SERVICE_ENTRIES, startStack } from './run-stack.js';
export type { RunningStack, StackOptions } from './run-stack.js';
export { healthReports, stackHealth } from './commands/health.js';
export type { StackHealth } from './commands/health.js';
