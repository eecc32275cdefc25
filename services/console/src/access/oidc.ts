import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import type { Participant, PersonRole, Registry } from '@samenhang/pki';
import { readIdpInfo } from '@samenhang/service-base';

/** A person signed in through their organisation's identity provider. */
export interface Person {
  /** Pseudonymous and stable: a hash of the provider's issuer and subject, never a name. */
  readonly id: string;
  readonly organisation: string;
  readonly role: PersonRole;
}

interface Pending {
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
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly paths: HomePaths,
    private readonly registry: Registry,
    private readonly redirectUri: string,
  ) {}

  /** Organisations whose people can sign in here. */
  organisations(): Participant[] {
    return this.registry.participants.filter((p) => p.identityProvider);
  }

  /** Where to send the browser, and the state that binds its return to this start. */
  async start(organisation: string): Promise<{ url: string; state: string }> {
    const org = this.organisation(organisation);
    const config = await this.config(org);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    this.sweep();
    if (this.pending.size >= 10_000) throw new SamenhangError('ERR_LOGIN_INVALID', 'too many sign-ins in progress');
    this.pending.set(state, { organisation: org.id, verifier, nonce, until: Date.now() + PENDING_MS });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid samenhang',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** The person a provider's answer names, checked against what was started (once only). */
  async finish(callback: URL, state: string | undefined): Promise<Person> {
    const started = state ? this.pending.get(state) : undefined;
    if (state) this.pending.delete(state);
    if (!started || started.until < Date.now())
      throw new SamenhangError('ERR_LOGIN_INVALID', 'no sign-in of this browser is in progress');
    const org = this.organisation(started.organisation);
    const idp = org.identityProvider!;
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(await this.config(org), callback, {
        pkceCodeVerifier: started.verifier,
        expectedState: state,
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
    const role = idp.roles[String(claims[idp.roleClaim] ?? '')];
    if (!role) throw new SamenhangError('ERR_FORBIDDEN', 'this person has no role in the console');
    const id = `person:${createHash('sha256').update(`${claims.iss}\n${claims.sub}`).digest('hex').slice(0, 24)}`;
    return { id, organisation: org.id, role };
  }

  private organisation(id: string): Participant {
    const org = this.registry.participants.find((p) => p.id === id && p.identityProvider);
    if (!org) throw new SamenhangError('ERR_INPUT_INVALID', 'no organisation with sign-in of that name');
    return org;
  }

  /** The provider's metadata, discovered once per issuer (again after a failure). */
  private config(org: Participant): Promise<oidc.Configuration> {
    const issuer = org.identityProvider!.issuer;
    let found = this.configs.get(issuer);
    if (!found) {
      found = this.discover(issuer);
      found.catch(() => this.configs.delete(issuer));
      this.configs.set(issuer, found);
    }
    return found;
  }

  private async discover(issuer: string): Promise<oidc.Configuration> {
    if (issuer !== 'embedded')
      throw new SamenhangError('ERR_CONFIG_INVALID', `no client registered for identity provider ${issuer}`);
    const dev = readIdpInfo(this.paths);
    try {
      return await oidc.discovery(new URL(dev.issuer), dev.clientId, dev.clientSecret);
    } catch (cause) {
      throw new SamenhangError('ERR_INTERNAL', 'the identity provider cannot be reached', { cause });
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [state, p] of this.pending) if (p.until < now) this.pending.delete(state);
  }
}
