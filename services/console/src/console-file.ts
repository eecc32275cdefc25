import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';

/** Where a running console listens, for `samenhang console` and for tests. */
export interface ConsoleInfo {
  readonly webUrl: string;
  readonly apiUrl: string;
  readonly pid: number;
}

export const consoleFile = (paths: HomePaths) => join(paths.root, 'console.json');

export function writeConsoleInfo(paths: HomePaths, info: ConsoleInfo): void {
  writeFileSync(consoleFile(paths), `${JSON.stringify(info, null, 2)}\n`);
}

export function removeConsoleInfo(paths: HomePaths): void {
  rmSync(consoleFile(paths), { force: true });
}

export function readConsoleInfo(paths: HomePaths): ConsoleInfo {
  try {
    return JSON.parse(readFileSync(consoleFile(paths), 'utf8')) as ConsoleInfo;
  } catch (cause) {
    throw new SamenhangError(
      'ERR_STACK_NOT_RUNNING',
      `no console is running for ${paths.root}; start the stack with 'samenhang up'`,
      { cause },
    );
  }
}
