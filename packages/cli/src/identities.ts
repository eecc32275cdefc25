import { existsSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { loadUsers } from '@samenhang/idp';
import { devUsersFile } from '@samenhang/launcher';
import { loadRegistry, type Registry } from '@samenhang/pki';
import { usageError } from './output.js';
import { didYouMean } from './suggest.js';

/**
 * The home's participant registry, or undefined when the home has no PKI yet: then the
 * command itself says that no stack runs there, which is the more useful message.
 */
function registryOf(paths: HomePaths): Registry | undefined {
  return existsSync(paths.registry) ? loadRegistry(paths.registry) : undefined;
}

/**
 * Checks that `id` is a participant of the home (an agency, an RVT, the privacy officer)
 * before a command reads its key: a typo is a usage error that lists who exists, not a
 * missing key file.
 */
export function requireParticipant(paths: HomePaths, id: string | undefined, what = 'identity'): void {
  const registry = id === undefined ? undefined : registryOf(paths);
  if (!registry || registry.participants.some((p) => p.id === id)) return;
  const ids = registry.participants.map((p) => p.id);
  throw usageError(`unknown ${what} "${id}"${didYouMean(id!, ids)} (this home has: ${ids.join(', ')})`);
}

/** Checks that `id` is a participant or a service of the home (what `certs --revoke` can revoke). */
export function requireIdentity(paths: HomePaths, id: string | undefined): void {
  const registry = id === undefined ? undefined : registryOf(paths);
  const ids = registry ? [...registry.participants, ...registry.services].map((p) => p.id) : [];
  if (!registry || ids.includes(id!)) return;
  throw usageError(`unknown identity "${id}"${didYouMean(id!, ids)} (this home has: ${ids.join(', ')})`);
}

/**
 * Checks that `region` is a region of the home whose RVT (`rvt-<region>`, the identity the
 * command connects as) exists.
 */
export function requireRegion(paths: HomePaths, region: string | undefined): void {
  const registry = region === undefined ? undefined : registryOf(paths);
  if (!registry) return;
  const regions = registry.regions.filter((r) => registry.participants.some((p) => p.id === `rvt-${r}`));
  if (regions.includes(region!)) return;
  // `--rvt rvt-twente`: the identity was given where its region was meant.
  const hint =
    region!.startsWith('rvt-') && regions.includes(region!.slice(4))
      ? `; did you mean "${region!.slice(4)}"?`
      : didYouMean(region!, regions);
  throw usageError(`unknown region "${region}"${hint} (regions with an RVT: ${regions.join(', ')})`);
}

/**
 * The organisation of `login`, a test user of the development identity provider, for
 * `samenhang console --as`. A development shortcut only: the organisation must sign in
 * through the home's embedded provider (registry `identityProvider.issuer` "embedded"); one
 * with its own provider is signed in to there, and no login of ours means anything to it.
 */
export function requireDevLogin(paths: HomePaths, login: string): string {
  const users = loadUsers(devUsersFile());
  const user = users.get(login);
  if (!user) {
    const logins = [...users.keys()];
    // The old habit, `--as rvt-foodvalley`: an organisation where a person is meant.
    const theirs = logins.filter((l) => users.get(l)!.organisation === login);
    if (theirs.length > 0)
      throw usageError(`--as takes a person's login, not an organisation; people of ${login}: ${theirs.join(', ')}`);
    throw usageError(
      `unknown login "${login}"${didYouMean(login, logins)} (the development identity provider has: ${logins.join(', ')})`,
    );
  }
  const registry = registryOf(paths);
  if (!registry) return user.organisation;
  const provider = registry.participants.find((p) => p.id === user.organisation)?.identityProvider;
  if (!provider)
    throw usageError(`${login} works for ${user.organisation}, whose people do not sign in to the console`);
  if (provider.issuer !== 'embedded')
    throw usageError(
      `--as is for the development identity provider only; people of ${user.organisation} sign in at ${provider.issuer} (see 'samenhang console')`,
    );
  return user.organisation;
}
