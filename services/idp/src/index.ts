// What other packages (the CLI) may use of the development identity provider without starting it.
export { loadUsers } from './users.js';
export type { DevUser } from './users.js';
