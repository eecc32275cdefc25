import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Env, HomePaths } from '@samenhang/config';
import { NATS_INSTALL_HINT, findNatsServer, natsServerVersion } from '@samenhang/stack';
import { EXIT, out } from '../output.js';

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly fix?: string;
}

/** `samenhang doctor`: checks every prerequisite and says the command that fixes it. */
export async function doctor(paths: HomePaths, env: Env, flags: { json?: boolean }): Promise<number> {
  const checks: Check[] = [];
  const [major, minor] = process.versions.node.split('.').map(Number);
  checks.push({ name: 'node', ok: major! > 20 || (major === 20 && minor! >= 10), detail: process.versions.node, fix: 'install Node.js 20.10 or newer' });

  const binary = findNatsServer(env);
  const version = binary ? natsServerVersion(binary) : undefined;
  const [nm, nn] = (version ?? '0.0').split('.').map(Number);
  checks.push({
    name: 'nats-server',
    ok: version !== undefined && (nm! > 2 || (nm === 2 && nn! >= 9)),
    detail: binary ? `${binary} ${version}` : 'not found',
    fix: NATS_INSTALL_HINT,
  });

  let built = true;
  try {
    createRequire(import.meta.url).resolve('@samenhang/broker-gateway/main');
  } catch {
    built = false;
  }
  checks.push({ name: 'build', ok: built, detail: built ? 'services built' : 'services not built', fix: 'npm run build' });

  let writable = true;
  try {
    mkdirSync(paths.root, { recursive: true });
    accessSync(paths.root, constants.W_OK);
  } catch {
    writable = false;
  }
  checks.push({ name: 'home', ok: writable, detail: paths.root, fix: `choose a writable home with --home <dir> or SAMENHANG_HOME` });
  const pki = existsSync(paths.caCert);
  checks.push({ name: 'pki', ok: true, detail: pki ? 'development PKI present' : 'no PKI yet (created on first start)' });
  checks.push({ name: 'stack', ok: true, detail: existsSync(paths.stackFile) ? 'a stack is running for this home' : 'no stack running (npm start)' });

  if (flags.json) out(JSON.stringify({ ok: checks.every((c) => c.ok), checks }));
  else for (const c of checks) out(`${c.ok ? 'ok ' : 'FAIL'} ${c.name.padEnd(12)} ${c.detail}${c.ok || !c.fix ? '' : `\n     fix: ${c.fix}`}`);
  return checks.every((c) => c.ok) ? EXIT.OK : EXIT.FAIL;
}
