export { AuditIndex } from './store.js';
export type { IndexStatus } from './store.js';
export { catchUp, follow } from './follow.js';
export { concerningPart, decisionsById, findDecisions, findDisclosures } from './queries.js';
export type { DecisionQuery, DisclosureQuery, Page, Window } from './queries.js';
