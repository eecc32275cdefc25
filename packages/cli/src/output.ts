/** Exit codes are part of the operational contract (DESIGN §4). */
export const EXIT = { OK: 0, FAIL: 1, USAGE: 2 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function out(line: string): void {
  process.stdout.write(line + '\n');
}

export function err(line: string): void {
  process.stderr.write(line + '\n');
}
