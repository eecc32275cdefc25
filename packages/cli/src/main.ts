// The `samenhang` command: reads the command line against the command table and runs one command.
import { homePaths, readEnv, resolveHome } from '@samenhang/config';
import { SamenhangError, isSamenhangError } from '@samenhang/errors';
import { parseInvocation } from './argv.js';
import { cappedArgs, runCapped } from './capped.js';
import { fullName, type Command } from './command.js';
import { COMMANDS, versionLine } from './command-table.js';
import { renderCommandHelp, renderGlobalHelp } from './help.js';
import { EXIT, err, flushed, out } from './output.js';

/** The command being run, so a usage error it raises can point at its help. */
let running: readonly Command[] = [];

async function run(argv: string[]): Promise<number> {
  const inv = parseInvocation(argv, COMMANDS);
  switch (inv.kind) {
    case 'version':
      out(versionLine());
      return EXIT.OK;
    case 'help':
      out(inv.path.length ? renderCommandHelp(inv.path) : renderGlobalHelp(COMMANDS));
      return EXIT.OK;
    case 'none':
      // No command is a usage error; the whole list is what helps then.
      err(renderGlobalHelp(COMMANDS));
      return EXIT.USAGE;
    case 'run': {
      running = inv.path;
      const capped = inv.path.some((c) => c.heapCapped) && cappedArgs(process.execArgv, process.argv[1]!, argv);
      if (capped) return runCapped(capped);
      const env = readEnv();
      const paths = homePaths(resolveHome(inv.flags.home, env, process.cwd()));
      return inv.path[inv.path.length - 1]!.run!({ flags: inv.flags, args: inv.args, env, paths });
    }
  }
}

function report(e: unknown): number {
  if (isSamenhangError(e, 'ERR_USAGE')) {
    const command = e.path ?? fullName(running);
    err(`${command}: ${e.message}`);
    err(`see '${command} --help'`);
    return EXIT.USAGE;
  }
  if (e instanceof SamenhangError) {
    err(`samenhang: ${e.code}: ${e.message}`);
    return EXIT.FAIL;
  }
  err(`samenhang: ERR_INTERNAL: ${(e as Error)?.message ?? String(e)}`);
  return EXIT.FAIL;
}

// A reader that stops reading (`samenhang audit decisions --json | head -1`) is not an error
// of ours: stop quietly, as a command killed by SIGPIPE would.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
  throw e;
});

const code = await run(process.argv.slice(2)).catch(report);
process.exitCode = code;
// Exit only once stdout and stderr are flushed: a pipe to a slow reader still holds what
// it has not read, and exiting earlier loses it. Exiting (rather than waiting for the
// event loop to empty) ends commands whose NATS connections or timers are still open.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
