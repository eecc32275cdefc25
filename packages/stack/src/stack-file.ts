import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import type { NodeSpec } from './embedded.js';

/** What client commands need to find the running stack of a home (DESIGN §4). */
export interface StackInfo {
  readonly servers: readonly string[];
  readonly monitorUrls: readonly string[];
  readonly pid: number;
  readonly startedAt: string;
  /** The embedded nats-server node(s), so `certs --revoke` can rewrite their users and reload them. */
  readonly natsNodes: readonly { readonly pid: number; readonly spec: NodeSpec }[];
}

export function writeStackInfo(paths: HomePaths, info: StackInfo): void {
  writeFileSync(paths.stackFile, JSON.stringify(info, null, 2) + '\n');
}

export function removeStackInfo(paths: HomePaths): void {
  rmSync(paths.stackFile, { force: true });
}

export function readStackInfo(paths: HomePaths): StackInfo {
  try {
    return JSON.parse(readFileSync(paths.stackFile, 'utf8')) as StackInfo;
  } catch (cause) {
    throw new SamenhangError('ERR_STACK_NOT_RUNNING', `no running stack in ${paths.root}; start one with 'npm start' or 'samenhang up'`, { cause });
  }
}
