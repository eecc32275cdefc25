import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { IdpClient } from '@samenhang/service-base';
import type { DevUser } from './users.js';

/** The scope that asks for the organisation and role claims. */
export const SAMENHANG_SCOPE = 'samenhang';

/**
 * The development identity provider: a certified OpenID Connect implementation (oidc-provider)
 * with the home's named test users and one client, the console (code flow with PKCE, a client
 * secret). Its signing key and cookie keys are made at start: a restart only ends sign-ins in
 * progress. Its sign-in page takes a user's login; any password is accepted — it is for this
 * machine's browser, on loopback, and an organisation's own provider replaces it.
 */
export function createProvider(
  issuer: string,
  users: ReadonlyMap<string, DevUser>,
  client: IdpClient,
  redirectUris: readonly string[],
): Provider {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(8).toString('hex'),
    use: 'sig',
    alg: 'RS256',
  };
  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [...redirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', SAMENHANG_SCOPE],
    claims: { openid: ['sub'], profile: ['name'], [SAMENHANG_SCOPE]: ['org', 'role'] },
    // The ID token itself carries the claims: the console needs no userinfo request.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const user = users.get(sub);
      if (!user) return undefined; // not a named test user: the sign-in fails
      return {
        accountId: sub,
        claims: async () => ({ sub, name: user.name, org: user.organisation, role: user.role }),
      };
    },
    // The console is the broker's own client: its users are not asked to consent to it.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const session = ctx.oidc.session;
      const clientId = ctx.oidc.client?.clientId;
      if (!session?.accountId || clientId !== client.clientId) return undefined;
      const existing = session.grantIdFor(clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: session.accountId });
      grant.addOIDCScope(`openid profile ${SAMENHANG_SCOPE}`);
      grant.addOIDCClaims(['name', 'org', 'role']);
      await grant.save();
      return grant;
    },
  };
  return new Provider(issuer, configuration);
}
