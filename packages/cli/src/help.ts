import { fullName, type Command, type FlagUse } from './command.js';
import { FLAGS, GLOBAL_FLAGS, flagSyntax, type FlagName } from './flags.js';

/** Help is read in terminals of 80 columns and more; wider lines wrap there badly. */
const WIDTH = 100;

/** Words of `text` in lines of at most `width`, each after `indent` spaces (a long word stays whole). */
export function wrap(text: string, width = WIDTH, indent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(' '.repeat(indent) + line);
  return lines;
}

/** Terms longer than this go on a line of their own, so one long flag does not push every text right. */
const MAX_TERM = 28;

/** The text column for these terms: two spaces after the longest that is not too long. */
const columnOf = (terms: readonly string[]) =>
  Math.max(0, ...terms.map((t) => t.length).filter((n) => n <= MAX_TERM)) + 2;

/** Rows of `term  text`, the texts in one column (`col`) and wrapped under themselves. */
function table(
  rows: readonly (readonly [string, string])[],
  col = columnOf(rows.map(([t]) => t)),
  indent = 2,
): string[] {
  const lines: string[] = [];
  for (const [term, text] of rows) {
    const body = wrap(text, WIDTH, indent + col);
    if (term.length + 2 > col || body.length === 0) {
      lines.push(' '.repeat(indent) + term);
      lines.push(...body);
    } else lines.push(' '.repeat(indent) + term.padEnd(col) + (body[0] ?? '').trimStart(), ...body.slice(1));
  }
  return lines;
}

const syntax = (u: FlagUse) => flagSyntax(u.flag, u.value);

/**
 * The usage line's flags: required ones as they are, optional ones in brackets, and
 * alternatives (flags sharing a `choice`) joined by `|`, in parentheses when one is required.
 */
export function usageLine(path: readonly Command[]): string {
  return usageParts(path).join(' ');
}

function usageParts(path: readonly Command[]): string[] {
  const c = path[path.length - 1]!;
  const parts = [fullName(path)];
  if (c.subcommands && !c.run) return [...parts, '<command>', '[flags]'];
  if (c.args) parts.push(c.args);
  const done = new Set<string>();
  for (const u of c.flags) {
    if (u.choice) {
      if (done.has(u.choice)) continue;
      done.add(u.choice);
      const group = c.flags.filter((x) => x.choice === u.choice);
      const alts = group.map(syntax).join(' | ');
      parts.push(group.some((x) => x.required) ? `(${alts})` : `[${alts}]`);
    } else parts.push(u.required ? syntax(u) : `[${syntax(u)}]`);
  }
  return parts;
}

/** `usage: …` wrapped between flags (never inside one), continuation lines under the first flag. */
function usageLines(path: readonly Command[]): string[] {
  const [name, ...parts] = usageParts(path);
  const head = `usage: ${name}`;
  const lines: string[] = [];
  let line = head;
  let empty = true;
  for (const p of parts) {
    if (!empty && line.length + 1 + p.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(head.length);
    }
    line += ` ${p}`;
    empty = false;
  }
  return [...lines, line];
}

/** The flags a command's help lists: its own, then those every command takes. */
export function helpFlags(c: Command): FlagUse[] {
  const own = c.flags.map((u) => u.flag);
  const global = GLOBAL_FLAGS.filter((f) => !own.includes(f) && (f !== 'home' || c.home !== false));
  return [...c.flags, ...global.map((flag) => ({ flag }))];
}

/** `samenhang <command> --help`: what it does, its usage, its flags, examples and exit codes. */
export function renderCommandHelp(path: readonly Command[]): string {
  const c = path[path.length - 1]!;
  const lines = [`${fullName(path)} — ${c.summary}`, '', ...usageLines(path)];
  for (const p of (c.description ?? '').split(/\n\s*\n/).filter((s) => s.trim())) lines.push('', ...wrap(p));
  if (c.subcommands) {
    lines.push('', 'commands:', ...table(c.subcommands.map((s) => [s.name, s.summary])));
  }
  lines.push('', 'flags:', ...table(helpFlags(c).map((u) => [syntax(u), u.text ?? FLAGS[u.flag].text])));
  if (c.examples.length) lines.push('', 'examples:', ...c.examples.map((e) => `  ${e}`));
  if (c.exits) lines.push('', ...wrap(`exit codes: ${c.exits}`));
  if (c.subcommands)
    lines.push('', `run '${fullName(path)} <command> --help' for a command's usage, flags and examples`);
  return lines.join('\n');
}

const GLOBAL_HELP_FLAGS: readonly FlagName[] = ['home', 'help', 'version'];

/** `samenhang --help`: every command by group, one line each. */
export function renderGlobalHelp(commands: readonly Command[]): string {
  const lines = [
    'samenhang — secure inter-agency signal sharing on NATS JetStream',
    '',
    'usage: samenhang <command> [flags]',
  ];
  const groups = [...new Set(commands.map((c) => c.group ?? 'other'))];
  const col = columnOf(commands.map((c) => c.name));
  for (const g of groups) {
    lines.push(
      '',
      `${g}:`,
      ...table(
        commands.filter((c) => (c.group ?? 'other') === g).map((c) => [c.name, c.summary]),
        col,
      ),
    );
  }
  lines.push('', 'flags:', ...table(GLOBAL_HELP_FLAGS.map((f) => [flagSyntax(f), FLAGS[f].text])));
  lines.push(
    '',
    "run 'samenhang <command> --help' (or 'samenhang help <command>') for a command's usage, flags and examples",
  );
  lines.push('exit codes: 0 success, 1 failure or rejection, 2 usage error');
  return lines.join('\n');
}
