import type { Env, HomePaths } from '@samenhang/config';
import type { FlagName, FlagValues } from './flags.js';

/** A flag as one command takes it. */
export interface FlagUse {
  readonly flag: FlagName;
  /** What the flag does for this command, when it says more than the flag's own text. */
  readonly text?: string;
  /** The value's placeholder, when this command's differs (`--out <dir>`). */
  readonly value?: string;
  readonly required?: boolean;
  /**
   * Flags with the same `choice` are shown as alternatives in the usage line; when they are
   * `required`, one of them must be given.
   */
  readonly choice?: string;
}

export interface CommandContext {
  readonly flags: FlagValues;
  /** Positional arguments after the command's name. */
  readonly args: readonly string[];
  readonly env: Env;
  readonly paths: HomePaths;
}

/**
 * One command of `samenhang`: everything its help says and what it runs, in one row of
 * the command table. The global help, each command's help, the argument checks and the
 * suggestions for a misspelt name all read these rows.
 */
export interface Command {
  readonly name: string;
  /** The heading it is listed under in the global help. */
  readonly group?: string;
  /** One line for the list of commands. */
  readonly summary: string;
  /** What it does, for its own help (paragraphs separated by blank lines). */
  readonly description?: string;
  /** Positional arguments, as shown after the name in the usage line, e.g. `<file>`. */
  readonly args?: string;
  /** How many positional arguments it takes (default none). */
  readonly maxArgs?: number;
  readonly flags: readonly FlagUse[];
  readonly examples: readonly string[];
  /** What its exit codes mean. */
  readonly exits?: string;
  /** False for commands that do not read a home (they make their own or need none). */
  readonly home?: boolean;
  /**
   * Runs under the services' heap cap (capped.ts): it may build the audit index, and without
   * a cap V8 lets that build's garbage take the process past 300 MiB. Holds for subcommands.
   */
  readonly heapCapped?: boolean;
  readonly run?: (c: CommandContext) => Promise<number>;
  readonly subcommands?: readonly Command[];
}

/** `samenhang audit verify`: a command with the commands it is under. */
export const fullName = (path: readonly Command[]): string => ['samenhang', ...path.map((c) => c.name)].join(' ');
