import type { HomePaths } from '@samenhang/config';
import { readConsoleInfo } from '@samenhang/console';
import { signLogin } from '@samenhang/envelope';
import { loadSigner } from '@samenhang/client';
import { EXIT, usageError, out } from '../output.js';

/**
 * `samenhang console --as <identity>`: a one-time sign-in link for the web console,
 * signed with that identity's own key (valid 60 s, usable once). No password exists.
 */
export async function consoleLogin(paths: HomePaths, flags: { as?: string }): Promise<number> {
  if (!flags.as) throw usageError('console needs --as <identity>, e.g. --as rvt-foodvalley or --as privacy-officer');
  const { webUrl } = readConsoleInfo(paths);
  const signer = loadSigner(paths, flags.as);
  const token = await signLogin({ key: signer.key, kid: signer.kid, sub: flags.as, aud: webUrl });
  out(`${webUrl}/login?token=${token}`);
  return EXIT.OK;
}
