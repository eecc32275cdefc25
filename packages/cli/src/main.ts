// The `samenhang` command: parses arguments and dispatches to one command module.
import { parseArgs } from 'node:util';
import { homePaths, readEnv, resolveHome } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { bench } from './commands/bench.js';
import { certs } from './commands/certs.js';
import { deploy, streams } from './commands/deploy.js';
import { consoleLogin } from './commands/console.js';
import { doctor } from './commands/doctor.js';
import { health } from './commands/health.js';
import { consent, publish } from './commands/publish.js';
import { replay } from './commands/replay.js';
import { alerts, picture } from './commands/rvt.js';
import { audit } from './commands/audit.js';
import { up } from './commands/up.js';
import { EXIT, UsageError, err, flushed, out } from './output.js';

const USAGE = `usage: samenhang <command> [--home <dir>] [options]

  up [--demo] [--instances N | --cluster 3]
                              start nats-server (JetStream, mutual TLS) and every service (N copies each); prints 'ready'
  certs [--revoke <id>]       create the development PKI anew, or revoke an identity
  publish --agency <id> --file <json> [--json]
                              sign as that agency, publish, print each receipt; exit 1 on any rejection
  consent --agency <id> --file <json> [--json]
                              register consent, a withdrawal or an objection (ConsentRecord JSON)
  alerts --rvt <region> [--once] [--notices]
                              follow the region's alerts as its RVT (JSON lines): each system's
                              newest notice opened as its current picture (a logged disclosure);
                              --notices prints the notices only (no content, nothing disclosed)
  picture --rvt <region> --household <postcode> <number> [suffix]
                              the current family-system picture of a household (a logged disclosure)
  audit verify [--file <copy>]           privacy officer: verify the Merkle log and its signed checkpoints
  audit decisions [--signal <id>] [--since <date>] [--until <date>] [--json]
  audit disclosures [--bsn <bsn> | --household <postcode> <number> | --recipient <id>] [--since] [--until] [--json|--csv]
  audit access-report --bsn <bsn> [--json]   the statement for a citizen's access request (AVG art. 15)
  audit prove --record <id> | --consistency <tree size> [--to <size>]  [--out <file>]
  audit verify-proof <file> [--ca <trust anchor>]   inclusion or consistency, offline
  audit export --out <file>              a copy of the log (JSON lines)
  doctor [--json]             check prerequisites and say how to fix them
  deploy --out <dir>          files for docker-compose.yml: PKI and broker keys, three nats-server configs
  streams                     create streams, buckets and consumers on $SAMENHANG_SERVERS (compose init)
  bench [--signals N] [--systems N] [--agencies N] [--rate R] [--latency-signals N] [--latency-warmup N] [--replay N] [--cluster 3] [--out <file>] [--json]
                              measure pipeline, raw JetStream baseline, latency, verification, replay, RSS (own stack)
  replay --policy <file> [--as-of <date>] [--json]
                              re-decide every stored signal under another policy: what would change (writes nothing)
  console --as <identity>     a one-time sign-in link (60 s) for the web console, signed with that identity's key
  health [--json]             every service instance: ready, or why not; exit 1 unless each service has one ready

State lives in --home <dir>, else $SAMENHANG_HOME, else .samenhang/ here.
Exit codes: 0 success, 1 failure or rejection, 2 usage error.`;

const OPTIONS = {
  home: { type: 'string' },
  agency: { type: 'string' },
  file: { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  revoke: { type: 'string' },
  registry: { type: 'string' },
  demo: { type: 'boolean' },
  rvt: { type: 'string' },
  household: { type: 'string' },
  once: { type: 'boolean' },
  notices: { type: 'boolean' },
  out: { type: 'string' },
  signal: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  bsn: { type: 'string' },
  recipient: { type: 'string' },
  csv: { type: 'boolean' },
  record: { type: 'string' },
  ca: { type: 'string' },
  consistency: { type: 'string' },
  to: { type: 'string' },
  cluster: { type: 'string' },
  instances: { type: 'string' },
  signals: { type: 'string' },
  systems: { type: 'string' },
  agencies: { type: 'string' },
  rate: { type: 'string' },
  'latency-signals': { type: 'string' },
  'latency-warmup': { type: 'string' },
  replay: { type: 'string' },
  policy: { type: 'string' },
  'as-of': { type: 'string' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return values.help ? EXIT.OK : EXIT.USAGE;
  }
  if (rest.length > 0 && command !== 'picture' && command !== 'audit') throw new UsageError(`unexpected argument '${rest[0]}'`);
  const env = readEnv();
  const paths = homePaths(resolveHome(values.home, env, process.cwd()));
  switch (command) {
    case 'up':
      return up(paths, env, values);
    case 'certs':
      return certs(paths, values);
    case 'publish':
      return publish(paths, values);
    case 'alerts':
      return alerts(paths, values);
    case 'picture':
      return picture(paths, values, rest);
    case 'consent':
      return consent(paths, values);
    case 'audit':
      return audit(paths, rest[0], values, rest.slice(1));
    case 'doctor':
      return doctor(paths, env, values);
    case 'health':
      return health(paths, values);
    case 'bench':
      return bench(env, values);
    case 'replay':
      return replay(paths, values);
    case 'deploy':
      return deploy(values);
    case 'console':
      return consoleLogin(paths, values);
    case 'streams':
      return streams(paths, env);
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

function report(e: unknown): number {
  if (e instanceof UsageError) {
    err(`samenhang: ${(e as Error).message}\n\n${USAGE}`);
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
