import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Env, HomePaths } from '@samenhang/config';
import { NATS_INSTALL_HINT, findNatsServer, natsServerVersion } from '@samenhang/launcher';
import { EXIT, out } from '../output.js';
import { nodeRequirement, satisfies } from '../package-info.js';

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly fix?: string;
}

/** `samenhang doctor`: checks every prerequisite and says the command that fixes it. */
export async function doctor(paths: HomePaths, env: Env, flags: { json?: boolean }): Promise<number> {
  const checks: Check[] = [];
  // The requirement is package.json's `engines` (which npm warns by): written in one place.
  const required = nodeRequirement();
  const nodeOk = required === undefined ? true : satisfies(process.versions.node, required);
  checks.push({
    name: 'node',
    ok: nodeOk !== false,
    detail: `${process.versions.node}${required ? ` (package.json engines: node ${required}${nodeOk === undefined ? ', not checked' : ''})` : ''}`,
    fix: `install a Node.js that satisfies ${required}`,
  });

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
  checks.push({
    name: 'build',
    ok: built,
    detail: built ? 'services built' : 'services not built',
    fix: 'npm run build',
  });

  let writable = true;
  try {
    mkdirSync(paths.root, { recursive: true });
    accessSync(paths.root, constants.W_OK);
  } catch {
    writable = false;
  }
  checks.push({
    name: 'home',
    ok: writable,
    detail: paths.root,
    fix: `choose a writable home with --home <dir> or SAMENHANG_HOME`,
  });
  const pki = existsSync(paths.caCert);
  checks.push({
    name: 'pki',
    ok: true,
    detail: pki ? 'development PKI present' : 'no PKI yet (created on first start)',
  });
  checks.push({
    name: 'stack',
    ok: true,
    detail: existsSync(paths.stackFile) ? 'a stack is running for this home' : 'no stack running (npm start)',
  });

  if (flags.json) out(JSON.stringify({ ok: checks.every((c) => c.ok), checks }));
  else
    for (const c of checks)
      out(`${c.ok ? 'ok ' : 'FAIL'} ${c.name.padEnd(12)} ${c.detail}${c.ok || !c.fix ? '' : `\n     fix: ${c.fix}`}`);
  return checks.every((c) => c.ok) ? EXIT.OK : EXIT.FAIL;
}
