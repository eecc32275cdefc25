// `npm start` and `npm test` on a fresh clone: install what is missing, build, run.
// Uses nothing but Node itself, because it runs before `npm ci`.
import { spawnSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, ...args] = process.argv.slice(2);
const INSTALL = 'sudo apt-get update && sudo apt-get install -y nats-server';

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    console.error(`bootstrap: '${cmd} ${argv.join(' ')}' failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function natsServer() {
  const dirs = ['/usr/sbin', '/usr/bin', ...(process.env.PATH ?? '').split(delimiter)];
  for (const d of dirs) {
    try {
      accessSync(join(d, 'nats-server'), constants.X_OK);
      return join(d, 'nats-server');
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('bootstrap: installing dependencies (npm ci)');
  // better-sqlite3 is compiled here (node-gyp, the machine's compiler and Node's headers):
  // its installer would otherwise try to download a prebuilt binary first.
  run('npm', ['ci', '--no-audit', '--no-fund'], {
    env: { ...process.env, npm_config_build_from_source: 'true' },
  });
}
if (!natsServer()) {
  if (process.getuid?.() === 0) {
    console.log('bootstrap: installing nats-server with apt-get');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'nats-server'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(`bootstrap: nats-server is not installed. Install it with:\n  ${INSTALL}`);
    process.exit(1);
  }
}
run(join(root, 'node_modules/.bin/tsc'), ['-b']);

if (mode === 'test') {
  // The console's browser tests drive Debian's Chromium (playwright-core downloads none).
  if (!existsSync('/usr/bin/chromium') && process.getuid?.() === 0) {
    console.log('bootstrap: installing chromium with apt-get (browser tests)');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  run('node', ['scripts/proto-gen.mjs', '--check']);
  // One style and the recommended lint rules (biome.json): a finding fails the run, as in CI.
  run(join(root, 'node_modules/.bin/biome'), ['ci', '.']);
  // Every package declares what it imports and keeps to its layer (layers.json).
  run('node', ['scripts/check-deps.mjs']);
  // Tests are TypeScript too: they compile strictly before they run.
  run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.test.json']);
  run(join(root, 'node_modules/.bin/vitest'), ['run', ...args]);
} else if (mode === 'start') {
  // `npm start` replays the Meneer M demo; `npm start -- --no-demo` starts the stack only.
  const upArgs = args.includes('--no-demo') ? args.filter((a) => a !== '--no-demo') : ['--demo', ...args];
  const child = spawn('node', [join(root, 'packages/cli/bin/samenhang.js'), 'up', ...upArgs], {
    stdio: 'inherit',
    cwd: root,
  });
  // The stack stops itself on SIGINT/SIGTERM; pass them on and wait for it.
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test [args]');
  process.exit(2);
}
