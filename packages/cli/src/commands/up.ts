import type { Env, HomePaths } from '@samenhang/config';
import { runDemo } from '../demo.js';
import { startStack } from '../run-stack.js';
import { EXIT, UsageError, out } from '../output.js';

/** `samenhang up`: the whole stack on the embedded nats-server, until SIGINT/SIGTERM. */
export async function up(paths: HomePaths, env: Env, flags: { demo?: boolean; cluster?: string }): Promise<number> {
  if (flags.cluster !== undefined) throw new UsageError('--cluster is not available yet (issue 5)');
  const stack = await startStack(paths, env);
  out(`samenhang ready: nats ${stack.servers.join(',')} home ${paths.root} services ${[...stack.services.keys()].join(',')}`);
  if (flags.demo) await runDemo(paths, stack.servers);
  let stopping = false;
  await new Promise<void>((resolve) => {
    const stop = () => {
      stopping = true;
      resolve();
    };
    // `on`, not `once`: a second Ctrl-C during shutdown must not kill us half-way.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    for (const s of stack.services.values()) {
      s.child.once('exit', (code, sig) => {
        if (!stopping) out(`${s.name} stopped unexpectedly (${sig ?? code}); stopping the stack`);
        stop();
      });
    }
  });
  await stack.stop();
  out('samenhang stopped');
  return EXIT.OK;
}
