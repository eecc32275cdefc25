import { parseArgs } from 'node:util';
import { fullName, type Command } from './command.js';
import { FLAGS, GLOBAL_FLAGS, flagSyntax, type FlagName, type FlagValues } from './flags.js';
import { usageError } from './output.js';
import { didYouMean } from './suggest.js';

/** What the command line asks for. */
export type Invocation =
  | { readonly kind: 'help'; readonly path: readonly Command[] }
  | { readonly kind: 'version' }
  /** No command at all: the global help, as a usage error. */
  | { readonly kind: 'none' }
  | { readonly kind: 'run'; readonly path: readonly Command[]; readonly flags: FlagValues; readonly args: string[] };

const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, def]) => [
    name,
    'short' in def ? { type: def.type, short: def.short } : { type: def.type },
  ]),
) as Record<FlagName, { type: 'string' | 'boolean'; short?: string }>;

const isFlag = (name: string): name is FlagName => Object.hasOwn(FLAGS, name);

/** Finds `name` among `commands`, or says it is unknown and what was probably meant. */
export function findCommand(commands: readonly Command[], name: string, parent: readonly Command[]): Command {
  const c = commands.find((x) => x.name === name);
  if (c) return c;
  throw usageError(
    `unknown command "${name}"${didYouMean(
      name,
      commands.map((x) => x.name),
    )}`,
    fullName(parent),
  );
}

/**
 * Reads the command line against the command table: which command, its flags and
 * arguments. Every flag is checked against the flags of the command it is given to, so a
 * typo is named (and the nearest flag suggested) instead of being silently ignored.
 * `--help` wins over everything but an unknown command.
 */
export function parseInvocation(argv: readonly string[], commands: readonly Command[]): Invocation {
  // Not strict: the checks below know the command, so their messages can name it.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: PARSE_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const wantsHelp = values.help === true;
  if (values.version === true && !wantsHelp) return { kind: 'version' };

  const path: Command[] = [];
  let rest = positionals;
  let level = commands;
  while (rest.length > 0) {
    const c = findCommand(level, rest[0]!, path);
    path.push(c);
    rest = rest.slice(1);
    if (!c.subcommands) break;
    level = c.subcommands;
  }
  const command = path[path.length - 1];
  if (!command) {
    checkFlags(tokens, [], GLOBAL_FLAGS);
    return wantsHelp ? { kind: 'help', path } : { kind: 'none' };
  }
  if (wantsHelp) return { kind: 'help', path };
  // A command with subcommands runs itself only if it has something to run (`bench`, `bench audit`).
  if (command.subcommands && !command.run) {
    throw usageError(`needs a command: ${command.subcommands.map((s) => s.name).join(', ')}`, fullName(path));
  }

  const allowed = [...command.flags.map((u) => u.flag), ...GLOBAL_FLAGS];
  checkFlags(tokens, path, allowed);
  const max = command.maxArgs ?? 0;
  if (rest.length > max) throw usageError(`unexpected argument '${rest[max]}'`, fullName(path));
  const flags = values as FlagValues;
  const missing = new Set<string>();
  for (const u of command.flags) {
    if (!u.required) continue;
    const group = u.choice ? command.flags.filter((x) => x.choice === u.choice) : [u];
    if (group.some((x) => flags[x.flag] !== undefined)) continue;
    missing.add(group.map((x) => flagSyntax(x.flag, x.value)).join(' or '));
  }
  if (missing.size) {
    const m = [...missing];
    throw usageError(
      `missing ${m.length > 1 ? `${m.slice(0, -1).join(', ')} and ${m[m.length - 1]}` : m[0]}`,
      fullName(path),
    );
  }
  return { kind: 'run', path, flags, args: rest };
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

function checkFlags(tokens: readonly Token[], path: readonly Command[], allowed: readonly FlagName[]): void {
  const ref = fullName(path);
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (!isFlag(t.name) || !allowed.includes(t.name)) {
      const known = allowed.map((f) => `--${f}`);
      throw usageError(`unknown flag ${t.rawName}${didYouMean(`--${t.name}`, known, (s) => s)}`, ref);
    }
    const def = FLAGS[t.name];
    if (def.type === 'boolean') {
      if (t.inlineValue) throw usageError(`${t.rawName} takes no value`, ref);
    } else if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))) {
      // `--agency --json`: a value that looks like a flag was almost always forgotten.
      throw usageError(`${t.rawName} needs a value: ${flagSyntax(t.name)}`, ref);
    }
  }
}
