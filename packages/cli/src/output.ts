import { SamenhangError } from '@samenhang/errors';

/**
 * Exit codes are part of the operational contract: scripts tell a rejection (1) from a
 * command they got wrong (2) without reading the text.
 */
export const EXIT = { OK: 0, FAIL: 1, USAGE: 2 } as const;

/**
 * The command line is wrong: one line says what, and the command's help says more. It is a
 * SamenhangError like every other failure, told apart by its code (exit 2, not 1); its
 * `path` is the command it is about, e.g. `samenhang publish` (the running command when not given).
 */
export function usageError(message: string, command?: string): SamenhangError {
  return new SamenhangError('ERR_USAGE', message, command === undefined ? {} : { path: command });
}

export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function err(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Resolves once everything written to `stream` so far has been handed to the operating
 * system. Writes to a pipe are asynchronous: what a slow reader has not taken yet waits in
 * the stream's buffer, and exiting before it is flushed cuts the output short. An empty
 * write's callback runs after every write queued before it.
 */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || !stream.writable) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('close', done);
      resolve();
    };
    // A reader that went away (EPIPE) closes the stream: nothing more can be flushed.
    stream.once('close', done);
    stream.write('', done);
  });
}
