import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { SERVICE_NODE_OPTIONS } from '@samenhang/launcher';

/** The heap cap's flag, as node takes it either way. */
const CAPS = ['--max-old-space-size', '--max_old_space_size'];

/**
 * The arguments that run this command line again under the services' heap cap, or
 * undefined when this process already runs under a cap given on its command line. V8
 * fixes its heap limit when the process starts, so a command that needs the cap (one that
 * may build the audit index: building 1,000,000 records from a stack, 344 MiB peak without
 * a cap, 252–256 with it) runs in a child process started with it. A cap in NODE_OPTIONS is not
 * seen here; the one on the child's command line takes precedence over it.
 */
export function cappedArgs(execArgv: readonly string[], script: string, argv: readonly string[]): string[] | undefined {
  if (execArgv.some((a) => CAPS.some((c) => a === c || a.startsWith(`${c}=`)))) return undefined;
  return [...execArgv, ...SERVICE_NODE_OPTIONS, script, ...argv];
}

/** Signals a stop is asked by: passed on to the child, which ends the command. */
const STOPS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `args` (cappedArgs) as a child sharing this terminal, and resolves with its exit code
 * (128 + the signal's number when a signal ended it, as a shell reports it). A stop asked of
 * this process alone (a supervisor, `kill`) is passed on, so the child never runs on without
 * it; Ctrl-C reaches both, as they share the terminal's process group.
 */
export function runCapped(args: readonly string[]): Promise<number> {
  // Listening before the child exists: a stop that arrives while it is being started would
  // otherwise end this process by default and leave the child running on its own. A signal
  // is handled on a later turn of the event loop, by when `child` is set.
  let child: ChildProcess | undefined;
  const stop = (signal: NodeJS.Signals) => child?.kill(signal);
  const stopListening = () => {
    for (const s of STOPS) process.off(s, stop);
  };
  for (const s of STOPS) process.on(s, stop);
  try {
    child = spawn(process.execPath, args, { stdio: 'inherit' });
  } catch (e) {
    stopListening();
    throw e;
  }
  const started = child;
  return new Promise((resolve, reject) => {
    started.once('error', (e) => {
      stopListening();
      reject(e);
    });
    started.once('exit', (code, signal) => {
      stopListening();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
