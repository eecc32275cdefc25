// The `samenhang` command is its bin (main.ts). What other packages use of it: asking a
// running stack's health (the stack itself starts from @samenhang/launcher).
export { healthReports, stackHealth } from './commands/health.js';
export type { StackHealth } from './commands/health.js';
