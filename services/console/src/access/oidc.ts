import { createHmac, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import type { Participant, PersonRole, Registry } from '@samenhang/pki';
import { readIdpClientSecret, readIdpInfo } from '@samenhang/service-base';

/** A person's pseudonymous id: keyed, stable for one provider's subject, never their name. */
export function personId(key: Buffer, issuer: string, subject: string): string {
  return `person:${createHmac('sha256', key).update(`samenhang person\n${issuer}\n${subject}`).digest('hex').slice(0, 24)}`;
}

/** A person signed in through their organisation's identity provider. */
export interface Person {
  /** Pseudonymous and stable: a hash of the provider's issuer and subject, never a name. */
  readonly id: string;
  readonly organisation: string;
  readonly role: PersonRole;
}

/** A sign-in in progress, carried by the browser itself in a signed cookie (no server memory to fill). */
interface Pending {
  readonly state: string;
  readonly organisation: string;
  readonly verifier: string;
  readonly nonce: string;
  readonly until: number;
}

/** How long a person may take at their identity provider. */
const PENDING_MS = 10 * 60_000;

/**
 * Sign-in with OpenID Connect (authorization code flow with PKCE, state and nonce) through
 * the identity provider the registry names for the person's organisation. The `embedded`
 * issuer is the home's development identity provider, found through its home file. No key
 * of an organisation is needed for a person to sign in.
 */
export class OidcSignIn {
  private readonly configs = new Map<string, Promise<oidc.Configuration>>();

  /**
   * `personKey`: a broker secret that keys the person id, so nobody who sees an id in the audit
   * log can find the login behind it by guessing logins.
   */
  constructor(
    private readonly paths: HomePaths,
    private readonly registry: Registry,
    private readonly redirectUri: string,
    private readonly personKey: Buffer,
  ) {}

  /** Organisations whose people can sign in here. */
  organisations(): Participant[] {
    return this.registry.participants.filter((p) => p.identityProvider);
  }

  /**
   * Where to send the browser, and the cookie that binds its return to this start: the state,
   * PKCE verifier, nonce and organisation, signed with a broker secret so no one can forge
   * one, and kept by the browser (HttpOnly) rather than in this process.
   */
  async start(organisation: string): Promise<{ url: string; cookie: string }> {
    const org = this.organisation(organisation);
    const config = await this.config(org);
    const pending: Pending = {
      state: oidc.randomState(),
      organisation: org.id,
      verifier: oidc.randomPKCECodeVerifier(),
      nonce: oidc.randomNonce(),
      until: Date.now() + PENDING_MS,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid profile samenhang',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      // A person signs in each time: a provider session left on a shared desk signs in nobody else.
      prompt: 'login',
    });
    const payload = Buffer.from(JSON.stringify(pending)).toString('base64url');
    return { url: url.href, cookie: `${payload}.${this.sign(payload)}` };
  }

  /**
   * The person a provider's answer names, checked against the start this browser made, and
   * their name (the standard `name` claim, for the staff list only; empty if not given).
   */
  async finish(callback: URL, cookie: string | undefined): Promise<{ person: Person; name: string }> {
    const started = this.opened(cookie);
    if (!started || started.until < Date.now())
      throw new SamenhangError('ERR_LOGIN_INVALID', 'no sign-in of this browser is in progress');
    const org = this.organisation(started.organisation);
    const idp = org.identityProvider!;
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(await this.config(org), callback, {
        pkceCodeVerifier: started.verifier,
        expectedState: started.state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (cause) {
      throw new SamenhangError('ERR_LOGIN_INVALID', 'the identity provider did not confirm a sign-in', { cause });
    }
    if (!claims) throw new SamenhangError('ERR_LOGIN_INVALID', 'no ID token');
    // A provider shared by several organisations must name this one.
    if (idp.organisationClaim && claims[idp.organisationClaim] !== org.id)
      throw new SamenhangError('ERR_FORBIDDEN', 'this person does not belong to the organisation chosen');
    const value = String(claims[idp.roleClaim] ?? '');
    const role = Object.hasOwn(idp.roles, value) ? idp.roles[value] : undefined;
    if (!role) throw new SamenhangError('ERR_FORBIDDEN', 'this person has no role in the console');
    const name = typeof claims.name === 'string' ? claims.name.slice(0, 120) : '';
    return { person: { id: personId(this.personKey, claims.iss, claims.sub), organisation: org.id, role }, name };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.personKey).update(`samenhang sign-in\n${payload}`).digest('base64url');
  }

  private opened(cookie: string | undefined): Pending | undefined {
    const [payload, mac] = (cookie ?? '').split('.');
    if (!payload || !mac) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Pending;
    } catch {
      return undefined;
    }
  }

  private organisation(id: string): Participant {
    const org = this.registry.participants.find((p) => p.id === id && p.identityProvider);
    if (!org) throw new SamenhangError('ERR_INPUT_INVALID', 'no organisation with sign-in of that name');
    // The embedded provider serves every organisation: only its organisation claim tells them apart.
    if (org.identityProvider!.issuer === 'embedded' && !org.identityProvider!.organisationClaim)
      throw new SamenhangError('ERR_REGISTRY_INVALID', 'the embedded identity provider needs an organisation claim');
    return org;
  }

  /** The provider's metadata, discovered once per issuer and client (again after a failure). */
  private config(org: Participant): Promise<oidc.Configuration> {
    const { issuer, clientId } = org.identityProvider!;
    const key = `${issuer}\n${clientId ?? ''}`;
    let found = this.configs.get(key);
    if (!found) {
      found = this.discover(issuer, clientId);
      found.catch(() => this.configs.delete(key));
      this.configs.set(key, found);
    }
    return found;
  }

  private async discover(issuer: string, clientId: string | undefined): Promise<oidc.Configuration> {
    const client =
      issuer === 'embedded'
        ? readIdpInfo(this.paths)
        : { issuer, clientId: clientId ?? '', clientSecret: readIdpClientSecret(this.paths, issuer) };
    try {
      return await oidc.discovery(new URL(client.issuer), client.clientId, client.clientSecret);
    } catch (cause) {
      throw new SamenhangError('ERR_INTERNAL', 'the identity provider cannot be reached', { cause });
    }
  }
}
