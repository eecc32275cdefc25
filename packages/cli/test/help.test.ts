import { describe, expect, it } from 'vitest';
import { type SamenhangError, isSamenhangError } from '@samenhang/errors';
import { parseInvocation } from '../src/argv.js';
import type { Command } from '../src/command.js';
import { COMMANDS } from '../src/command-table.js';
import { renderCommandHelp, renderGlobalHelp, usageLine, wrap } from '../src/help.js';
import { FLAGS } from '../src/flags.js';

const run = async () => 0;

/** A small table of its own, so the rendering is tested apart from the real commands' texts. */
const greet: Command = {
  name: 'greet',
  group: 'say',
  summary: 'say hello',
  description: 'Says hello to one agency.\n\nOr to a region.',
  flags: [
    { flag: 'agency', choice: 'who', required: true },
    { flag: 'rvt', choice: 'who', required: true },
    { flag: 'json' },
    { flag: 'out', value: '<dir>', text: 'where the greeting goes' },
  ],
  examples: ['samenhang greet --agency lokaalteam-ede'],
  exits: '0 greeted, 2 usage error',
  run,
};
const inspect: Command = {
  name: 'inspect',
  summary: 'look closer',
  flags: [],
  examples: [],
  subcommands: [
    {
      name: 'log',
      summary: 'the log',
      args: '<file>',
      maxArgs: 1,
      flags: [{ flag: 'ca', required: true }],
      examples: [],
      run,
    },
  ],
};
const TABLE = [greet, inspect];

describe('help rendering', () => {
  it('builds the usage line from the flags: required as they are, optional in brackets, alternatives joined', () => {
    expect(usageLine([greet])).toBe('samenhang greet (--agency <id> | --rvt <region>) [--json] [--out <dir>]');
    expect(usageLine([inspect])).toBe('samenhang inspect <command> [flags]');
    expect(usageLine([inspect, inspect.subcommands![0]!])).toBe('samenhang inspect log <file> --ca <cert>');
  });

  it("renders a command's help: summary, usage, description, its flags and the global ones, examples, exit codes", () => {
    const text = renderCommandHelp([greet]);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'samenhang greet — say hello',
      '',
      'usage: samenhang greet (--agency <id> | --rvt <region>) [--json] [--out <dir>]',
    ]);
    expect(text).toContain('Says hello to one agency.\n\nOr to a region.');
    expect(text).toMatch(/^ {2}--agency <id> +the agency that signs and publishes/m);
    expect(text).toMatch(/^ {2}--out <dir> +where the greeting goes$/m); // the command's own words win
    expect(text).toMatch(/^ {2}--home <dir> +the stack's home/m);
    expect(text).toMatch(/^ {2}-h, --help +show this help$/m);
    expect(text).toContain('examples:\n  samenhang greet --agency lokaalteam-ede');
    expect(text).toContain('exit codes: 0 greeted, 2 usage error');
  });

  it('lists the subcommands of a command that has them', () => {
    const text = renderCommandHelp([inspect]);
    expect(text).toMatch(/^commands:\n {2}log +the log$/m);
    expect(text).toContain("run 'samenhang inspect <command> --help'");
  });

  it('lists every command once in the global help, by group, texts in one column', () => {
    const text = renderGlobalHelp(TABLE);
    expect(text).toContain('say:\n  greet    say hello');
    expect(text).toContain('other:\n  inspect  look closer');
    expect(text).toMatch(/^ {2}--version +print samenhang's version$/m);
  });

  it('wraps at the width, under the indent, without breaking a word', () => {
    expect(wrap('aaa bbb ccc', 8, 1)).toEqual([' aaa bbb', ' ccc']);
    expect(wrap('a-very-long-word x', 5)).toEqual(['a-very-long-word', 'x']);
  });
});

describe('the command table', () => {
  const all: Command[][] = COMMANDS.flatMap((c) =>
    c.subcommands ? [[c], ...c.subcommands.map((s) => [c, s])] : [[c]],
  );

  it('gives every command a summary, an example, and help lines of at most 110 characters', () => {
    for (const path of all) {
      const c = path[path.length - 1]!;
      expect(c.summary, c.name).not.toBe('');
      expect(c.examples.length, c.name).toBeGreaterThan(0);
      // A command runs, or has subcommands, or both (`bench` and `bench audit`).
      expect(!!c.run || !!c.subcommands, `${c.name}: runs, or has subcommands`).toBe(true);
      for (const line of renderCommandHelp(path).split('\n')) expect(line.length, line).toBeLessThanOrEqual(110);
    }
  });

  it('has examples that the parser accepts as they are written', () => {
    for (const path of all) {
      for (const example of path[path.length - 1]!.examples) {
        const words = example
          .replace(/^[A-Z_]+=\S+ /, '')
          .replace(/ \|.*$/, '')
          .split(' ');
        expect(words[0]).toBe('samenhang');
        const inv = parseInvocation(words.slice(1), COMMANDS);
        expect(inv.kind === 'run' || inv.kind === 'version' || inv.kind === 'help', example).toBe(true);
        // An example of a command with subcommands runs one of them.
        if (inv.kind === 'run')
          expect(
            inv.path.slice(0, path.length).map((c) => c.name),
            example,
          ).toEqual(path.map((c) => c.name));
      }
    }
  });

  it('names only declared flags, each once per command', () => {
    for (const path of all) {
      const names = path[path.length - 1]!.flags.map((u) => u.flag);
      expect(new Set(names).size, path.map((c) => c.name).join(' ')).toBe(names.length);
      for (const n of names) expect(Object.hasOwn(FLAGS, n)).toBe(true);
    }
  });
});

describe('parseInvocation', () => {
  const parse = (line: string) => parseInvocation(line.split(' ').filter(Boolean), COMMANDS);
  const usage = (line: string) => {
    try {
      parse(line);
    } catch (e) {
      expect(isSamenhangError(e, 'ERR_USAGE')).toBe(true);
      return [(e as SamenhangError).path, (e as SamenhangError).message];
    }
    throw new Error(`no usage error for '${line}'`);
  };

  it('finds the command, its flags and arguments', () => {
    expect(parse('picture --rvt twente --household 7511JK 8 --home /h')).toMatchObject({
      kind: 'run',
      flags: { rvt: 'twente', household: '7511JK', home: '/h' },
      args: ['8'],
    });
    expect(parse('audit verify-proof p.json --ca ca.crt')).toMatchObject({
      kind: 'run',
      args: ['p.json'],
      flags: { ca: 'ca.crt' },
    });
  });

  it('answers --help for a command even when the rest of the line is wrong, and --version anywhere', () => {
    expect(parse('publish --help --bogus')).toMatchObject({ kind: 'help', path: [{ name: 'publish' }] });
    expect(parse('audit prove -h')).toMatchObject({ kind: 'help', path: [{ name: 'audit' }, { name: 'prove' }] });
    expect(parse('--help')).toEqual({ kind: 'help', path: [] });
    expect(parse('--version')).toEqual({ kind: 'version' });
    expect(parse('')).toEqual({ kind: 'none' });
  });

  it('says in one line what is wrong, naming the command whose help to read', () => {
    expect(usage('aletrs')).toEqual(['samenhang', 'unknown command "aletrs"; did you mean "alerts"?']);
    expect(usage('audit verfy')).toEqual(['samenhang audit', 'unknown command "verfy"; did you mean "verify"?']);
    expect(usage('audit')).toEqual([
      'samenhang audit',
      'needs a command: verify, witness, decisions, disclosures, access-report, prove, verify-proof, reindex, export',
    ]);
    expect(usage('publish --agnecy x')).toEqual(['samenhang publish', 'unknown flag --agnecy; did you mean --agency?']);
    expect(usage('alerts --rvt twente --json')).toEqual(['samenhang alerts', 'unknown flag --json']);
    expect(usage('publish')).toEqual(['samenhang publish', 'missing --agency <id> and --file <json>']);
    expect(usage('publish --agency --file x')).toEqual(['samenhang publish', '--agency needs a value: --agency <id>']);
    expect(usage('health --json=yes')).toEqual(['samenhang health', '--json takes no value']);
    expect(usage('audit prove --to 9')).toEqual([
      'samenhang audit prove',
      'missing --record <id> or --consistency <tree size>',
    ]);
    expect(usage('health now')).toEqual(['samenhang health', "unexpected argument 'now'"]);
    // `bench` runs by itself and has a subcommand: a typo names the subcommand, not a stray argument.
    expect(usage('bench adit')).toEqual(['samenhang bench', 'unknown command "adit"; did you mean "audit"?']);
    expect(usage('bench audit --signals 5')).toEqual(['samenhang bench audit', 'unknown flag --signals']);
  });
});
