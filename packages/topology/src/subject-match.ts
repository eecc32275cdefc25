import type { Permissions } from './permissions.js';

/**
 * NATS subject matching: `*` matches one token, `>` one or more trailing tokens.
 * The console uses it to ask whether a signed-in identity's own NATS permissions
 * would allow an action, so the web and HTTPS interfaces grant exactly as much.
 */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

/** Whether these permissions allow publishing on (or requesting) `subject`. */
export function permitsPublish(perms: Permissions, subject: string): boolean {
  if (perms.denyPublish?.some((p) => subjectMatches(p, subject))) return false;
  return perms.publish.some((p) => subjectMatches(p, subject));
}

/** The API subject that opens a filtered read of a stream (see openFilteredReader). */
export function readSubject(stream: string, filter: string): string {
  return `$JS.API.CONSUMER.CREATE.${stream}.console.${filter}`;
}
