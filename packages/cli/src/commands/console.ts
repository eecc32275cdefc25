import type { HomePaths } from '@samenhang/config';
import { readConsoleInfo } from '@samenhang/console';
import { EXIT, out } from '../output.js';

/**
 * `samenhang console [--as <login>]`: where people sign in to the web console. A person signs
 * in as themselves at their organisation's identity provider; no key of an organisation is
 * read. `organisation` (from `--as`, checked by requireDevLogin): the address that starts the
 * sign-in for that organisation at once, so the browser lands on the development identity
 * provider's form.
 */
export async function consoleSignIn(paths: HomePaths, organisation: string | undefined): Promise<number> {
  const { webUrl } = readConsoleInfo(paths);
  out(organisation === undefined ? `${webUrl}/login` : `${webUrl}/login/oidc?org=${encodeURIComponent(organisation)}`);
  return EXIT.OK;
}
