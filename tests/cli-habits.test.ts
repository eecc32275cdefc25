import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  publishSigned,
  signWorkload,
  syntheticWorkload,
  WORKLOAD_AGENCIES,
  startTestStack,
  type TestStack,
  consumerIdle,
} from '@samenhang/testkit';
import type { NatsConnection } from 'nats';
import { COMMANDS } from '../packages/cli/src/command-table.js';
import { waitUntil } from './helpers/until.js';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const run = (args: string[]) =>
  promisify(execFile)('node', [BIN, ...args], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/** Every command by the words that name it: `publish`, `audit verify`, … */
const COMMAND_WORDS = COMMANDS.flatMap((c) =>
  c.subcommands ? [[c.name], ...c.subcommands.map((s) => [c.name, s.name])] : [[c.name]],
);

describe('samenhang habits without a stack', () => {
  let home: string;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'samenhang-habits-'));
    expect((await run(['certs', '--home', home])).code).toBe(0); // a registry and keys, no stack
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("prints each command's own help for --help and for help <command>, exit 0", async () => {
    for (const words of COMMAND_WORDS) {
      const [r, viaHelp] = await Promise.all([run([...words, '--help']), run(['help', ...words])]);
      const name = `samenhang ${words.join(' ')}`;
      expect(r.code, name).toBe(0);
      expect(r.stdout.split('\n')[0], name).toMatch(new RegExp(`^${name} — \\S`));
      expect(r.stdout, name).toContain(`usage: ${name}`);
      expect(r.stdout, name).toMatch(/\nflags:\n {2}/);
      expect(r.stdout, name).toMatch(/\nexamples:\n {2}(\S+=\S+ )?samenhang /);
      expect(r.stderr, name).toBe('');
      expect(viaHelp.stdout, name).toBe(r.stdout);
    }
    // One command's help is not the global list.
    const publish = (await run(['publish', '-h'])).stdout;
    expect(publish).not.toContain('audit');
  });

  it('prints the global list for --help and help, exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^ {2}${c.name} +\\S`, 'm'));
    expect((await run(['help'])).stdout).toBe(help.stdout);
  });

  it('prints the version from package.json for --version and version, exit 0', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'packages/cli/package.json'), 'utf8'));
    for (const args of [['--version'], ['version']]) {
      const r = await run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`samenhang ${version}\n`);
    }
  });

  it("doctor names the Node.js requirement of package.json's engines", async () => {
    const { engines } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    const r = await run(['doctor', '--home', home]);
    const line = r.stdout.split('\n').find((l) => l.startsWith('ok  node '));
    expect(line?.replace(/ +/g, ' ')).toBe(
      `ok node ${process.versions.node} (package.json engines: node ${engines.node})`,
    );
    const json = JSON.parse((await run(['doctor', '--json', '--home', home])).stdout);
    expect(json.checks.find((c: { name: string }) => c.name === 'node')).toMatchObject({
      ok: true,
      fix: `install a Node.js that satisfies ${engines.node}`,
    });
  });

  it('suggests the command a misspelling meant, exit 2', async () => {
    const r = await run(['aletrs']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`samenhang: unknown command "aletrs"; did you mean "alerts"?\nsee 'samenhang --help'\n`);
    expect((await run(['audit', 'verfy'])).stderr).toBe(
      `samenhang audit: unknown command "verfy"; did you mean "verify"?\nsee 'samenhang audit --help'\n`,
    );
  });

  it('answers a usage error with one line of what is wrong and where the help is, exit 2', async () => {
    const cases: [string[], string][] = [
      [['publish', '--home', home], 'samenhang publish: missing --agency <id> and --file <json>'],
      [['up', '--bogus'], 'samenhang up: unknown flag --bogus'],
      [['publish', '--agnecy', 'x', '--file', 'y'], 'samenhang publish: unknown flag --agnecy; did you mean --agency?'],
      [
        ['picture', '--rvt', 'twente', '--household'],
        'samenhang picture: --household needs a value: --household <postcode> <number> [suffix]',
      ],
      [['audit', 'prove', '--home', home], 'samenhang audit prove: missing --record <id> or --consistency <tree size>'],
    ];
    for (const [args, line] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      const command = line.slice(0, line.indexOf(':'));
      expect(r.stderr).toBe(`${line}\nsee '${command} --help'\n`);
    }
  });

  it('calls an identity, region or login the home does not have a usage error, and names those it has', async () => {
    const alerts = await run(['alerts', '--home', home, '--rvt', 'atlantis']);
    expect(alerts.code).toBe(2);
    expect(alerts.stderr).toBe(
      `samenhang alerts: unknown region "atlantis" (regions with an RVT: foodvalley, flevoland, twente)\nsee 'samenhang alerts --help'\n`,
    );
    // console --as names a person, a test user of the development identity provider.
    const typo = await run(['console', '--home', home, '--as', 'fv-medewerker1']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /^samenhang console: unknown login "fv-medewerker1"; did you mean "fv-medewerker-1"\? \(the development identity provider has: fv-medewerker-1, .*fg-broker.*\)\n/,
    );
    // The old habit, an organisation: the answer names its people.
    const organisation = await run(['console', '--home', home, '--as', 'privacy-officer']);
    expect(organisation.code).toBe(2);
    expect(organisation.stderr).toBe(
      "samenhang console: --as takes a person's login, not an organisation; people of privacy-officer: fg-broker\nsee 'samenhang console --help'\n",
    );
  });

  it('signs in with console --as only through the development identity provider, exit 2 otherwise', async () => {
    // A home where Food Valley signs in through its own provider: no test user of ours is its person.
    const own = mkdtempSync(join(tmpdir(), 'samenhang-habits-idp-'));
    try {
      cpSync(home, own, { recursive: true });
      const file = join(own, 'pki', 'registry.json');
      const registry = JSON.parse(readFileSync(file, 'utf8'));
      const provider = registry.participants.find((p: { id: string }) => p.id === 'rvt-foodvalley').identityProvider;
      provider.issuer = 'https://login.foodvalley.example';
      provider.clientId = 'samenhang-console';
      // …and Twente's people do not sign in to the console at all.
      delete registry.participants.find((p: { id: string }) => p.id === 'rvt-twente').identityProvider;
      writeFileSync(file, JSON.stringify(registry));
      const r = await run(['console', '--home', own, '--as', 'fv-medewerker-1']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "samenhang console: --as is for the development identity provider only; people of rvt-foodvalley sign in at https://login.foodvalley.example (see 'samenhang console')\nsee 'samenhang console --help'\n",
      );
      const none = await run(['console', '--home', own, '--as', 'tw-medewerker-1']);
      expect(none.code).toBe(2);
      expect(none.stderr).toBe(
        "samenhang console: tw-medewerker-1 works for rvt-twente, whose people do not sign in to the console\nsee 'samenhang console --help'\n",
      );
      // Flevoland and the operators still sign in through the development provider: no stack runs, which is exit 1.
      expect((await run(['console', '--home', own, '--as', 'fl-medewerker-1'])).code).toBe(1);
      expect((await run(['console', '--home', own, '--as', 'beheerder'])).code).toBe(1);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('samenhang with a running stack', () => {
  let t: TestStack;
  let admin: NatsConnection;
  beforeAll(async () => {
    t = await startTestStack();
    admin = await t.connect('broker-admin');
  });
  afterAll(async () => t?.close());

  it('gives exit 2, not ERR_INTERNAL, for an unknown identity, region or login', async () => {
    const file = join(t.paths.root, 'none.json');
    for (const args of [
      ['alerts', '--rvt', 'atlantis'],
      ['picture', '--rvt', 'atlantis', '--household', '7511JK', '8'],
      ['publish', '--agency', 'nobody', '--file', file],
      ['consent', '--agency', 'nobody', '--file', file],
      ['console', '--as', 'nobody'],
      ['certs', '--revoke', 'nobody'],
    ]) {
      const r = await run([...args, '--home', t.paths.root]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(
        /^samenhang \w+: unknown (region|agency|identity|login) "(atlantis|nobody)" \((regions with an RVT|this home has|the development identity provider has): /,
      );
      expect(r.stderr).not.toContain('ERR_INTERNAL');
    }
  });

  it('writes every line of audit decisions --json into a pipe whose reader is slow', { timeout: 600_000 }, async () => {
    // 3,000 signals: one decision record each (and disclosures and checkpoints besides), so
    // the output is megabytes — far beyond what a pipe holds while its reader dawdles.
    const items = syntheticWorkload({ systems: 300, perSystem: 10 });
    const conns = new Map<string, NatsConnection>();
    for (const a of Object.keys(WORKLOAD_AGENCIES)) conns.set(a, await t.connect(a));
    await publishSigned(conns, await signWorkload(t.paths, items));
    const jsm = await admin.jetstreamManager();
    const decisionCount = async () =>
      (await jsm.streams.info('AUDIT', { subjects_filter: 'samenhang.audit.decisions' })).state.subjects?.[
        'samenhang.audit.decisions'
      ] ?? 0;
    await waitUntil('a decision for every signal', async () => (await decisionCount()) >= items.length, 300_000);
    await consumerIdle(admin, 'SIGNALS', 'consent', 60_000);
    const decisions = await decisionCount();
    expect(decisions).toBeGreaterThanOrEqual(3_000);

    const parsed = (stdout: string) => {
      expect(stdout.endsWith('\n')).toBe(true);
      return stdout
        .split('\n')
        .slice(0, -1)
        .map((l) => JSON.parse(l) as { type: string; decisionId: string });
    };
    const args = ['audit', 'decisions', '--json', '--home', t.paths.root];

    // A reader in another process, at the far end of a shell pipe, taking 4 KiB at a time.
    const slowReader = `
      (async () => {
        for await (const chunk of process.stdin) {
          for (let i = 0; i < chunk.length; i += 4096) {
            process.stdout.write(chunk.subarray(i, i + 4096));
            await new Promise((r) => setTimeout(r, 1));
          }
        }
      })();`;
    const piped = await promisify(execFile)(
      'bash',
      ['-c', 'node "$BIN" "$@" | node -e "$SLOW_READER"; exit "${PIPESTATUS[0]}"', 'bash', ...args],
      {
        env: { ...process.env, BIN, SLOW_READER: slowReader },
        maxBuffer: 256 * 1024 * 1024,
        timeout: 240_000,
      },
    );
    const viaShell = parsed(piped.stdout);
    expect(viaShell.length).toBe(decisions);
    expect(new Set(viaShell.map((d) => d.decisionId)).size).toBe(decisions);
    expect(viaShell.every((d) => d.type === 'decision')).toBe(true);

    // A reader that stops reading for a while, several times, while the command writes.
    const child = spawn('node', [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      chunks.push(d);
      if (chunks.length % 8 === 0) {
        child.stdout.pause();
        void sleep(50).then(() => child.stdout.resume());
      }
    });
    child.stdout.pause();
    await sleep(2_000); // the command reads the log and writes while nobody reads
    child.stdout.resume();
    const [code] = await new Promise<[number | null]>((resolve) => child.on('close', (c) => resolve([c])));
    expect(code, stderr).toBe(0);
    expect(parsed(Buffer.concat(chunks).toString('utf8')).length).toBe(decisions);
  });
});
