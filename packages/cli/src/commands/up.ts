import type { Env, HomePaths } from '@samenhang/config';
import { readConsoleInfo } from '@samenhang/console';
import { runDemo } from '../demo.js';
import { EXIT, usageError, out } from '../output.js';
import { CORE_SERVICES, startStack } from '@samenhang/launcher';

/** `samenhang up`: the whole stack on the embedded nats-server, until SIGINT/SIGTERM. */
export async function up(
  paths: HomePaths,
  env: Env,
  flags: { demo?: boolean; cluster?: string; instances?: string },
): Promise<number> {
  const cluster = flags.cluster === undefined ? 1 : Number(flags.cluster);
  if (cluster !== 1 && cluster !== 3) throw usageError('--cluster takes 3 (a 3-node JetStream cluster)');
  const n = flags.instances === undefined ? 1 : Number(flags.instances);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw usageError('--instances takes a whole number from 1 to 8');
  if (cluster === 3 && n > 1)
    throw usageError(
      '--instances is for a single node: on a cluster of nats-server 2.9 each service runs once (docs/architecture.md)',
    );
  // Gateway and consent are stateless between messages and share durable consumers; audit too (CAS on its state).
  // Supervised: a service that exits unexpectedly is restarted with backoff, and the rest runs on.
  const stack = await startStack(paths, env, {
    cluster,
    services: [...CORE_SERVICES, 'console'],
    instances: { 'broker-gateway': n, consent: n, audit: n },
    supervise: true,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  out(
    `samenhang ready: nats ${stack.servers.join(',')} home ${paths.root} services ${[...stack.services.keys()].join(',')}`,
  );
  const consoleInfo = readConsoleInfo(paths);
  out(
    `console ${consoleInfo.webUrl} (people sign in at ${consoleInfo.webUrl}/login; a test user: samenhang console --as <login>); agency API ${consoleInfo.apiUrl}`,
  );
  let stopping = false;
  // Handlers first, then the demo: a Ctrl-C while (or right after) it prints must stop us cleanly.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      stopping = true;
      resolve();
    };
    // `on`, not `once`: a second Ctrl-C during shutdown must not kill us half-way.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // A cluster survives one node's loss (R3); a single node's loss stops the stack: every
    // service depends on it, and its store is the stack's state.
    if (stack.natsNodes.length === 1) {
      stack.nats.child.once('exit', (code, sig) => {
        if (!stopping) out(`nats-server stopped unexpectedly (${sig ?? code}); stopping the stack`);
        stop();
      });
    }
  });
  if (flags.demo) await Promise.race([runDemo(paths, stack.servers), stopped]);
  await stopped;
  await stack.stop();
  out('samenhang stopped');
  return EXIT.OK;
}
