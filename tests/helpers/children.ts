import { readdirSync, readFileSync } from 'node:fs';

/**
 * A process started by `parentPid` whose arguments satisfy `runs`, as it is now (Linux /proc),
 * or undefined. A child just forked still has its parent's command line: matching its own
 * arguments is what tells that it runs its own program.
 */
export function childRunning(
  parentPid: number,
  runs: (args: readonly string[]) => boolean,
): { pid: number; args: string[] } | undefined {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parentPid) continue;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (runs(args)) return { pid: Number(pid), args };
    } catch {
      /* gone meanwhile */
    }
  }
  return undefined;
}
