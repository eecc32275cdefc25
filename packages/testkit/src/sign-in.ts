import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { HomePaths } from '@samenhang/config';
import type { Page } from 'playwright-core';

/**
 * A person signs in to the console the only way there is: OpenID Connect, the real redirect
 * flow, against the development identity provider `samenhang up` starts (services/idp: the
 * named test users of certs-dev/dev-users.json, any password). Nothing here is mocked: the
 * console, the provider and their cookies, state, nonce and PKCE are the real ones.
 */

/** What the tests type as password: the development provider takes any. */
const DEV_PASSWORD = 'development';

/** On the development identity provider's sign-in page: a login and a password, submitted. */
export async function devProviderLogin(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(DEV_PASSWORD);
  await page.locator('button[type="submit"]').click();
}

/**
 * Signs `page` in as `login` for the organisation whose sign-in link (in the page's
 * language, Dutch by default) names `organisationName`, starting at the console's
 * `/login` as a person would; resolves on the first console page after the callback.
 */
export async function signInBrowser(
  page: Page,
  webUrl: string,
  login: string,
  organisationName: string,
): Promise<Page> {
  await page.goto(`${webUrl}/login`);
  await page.getByRole('link', { name: `Aanmelden als medewerker van ${organisationName}` }).click();
  await devProviderLogin(page, login); // at the identity provider: its own sign-in page
  await page.waitForURL((u) => u.origin === webUrl && u.pathname !== '/oidc/callback', { timeout: 20_000 });
  return page;
}

interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  readonly setCookies: readonly string[];
  readonly text: string;
}

/** Cookies per origin, as a browser keeps them for these two loopback servers (paths and expiry aside). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  take(url: URL, setCookies: readonly string[]): void {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, jar);
    for (const c of setCookies) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      // Max-Age=0 (or an expiry in the past) is how both servers delete a cookie.
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (gone) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
  }

  get(url: URL, name: string): string | undefined {
    return this.byOrigin.get(url.origin)?.get(name);
  }

  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** One HTTPS request, trusting only the home's CA (which issued both the console's and the provider's certificate). */
function fetchOnce(ca: Buffer, url: URL, cookie: string, form?: URLSearchParams): Promise<Answer> {
  const body = form?.toString();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        ca,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        timeout: 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            setCookies: res.headers['set-cookie'] ?? [],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url.origin}${url.pathname}`)));
    req.end(body);
  });
}

/** The five characters the provider's page templates escape in an attribute. */
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/** The form of one of the provider's interaction pages (oidc-provider's development pages): where it posts, and which prompt. */
function interactionForm(html: string): { action: string; prompt: string } | undefined {
  const form = /<form\b[^>]*\baction="([^"]+)"[^>]*\bmethod="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  const prompt = form && /<input\b[^>]*\bname="prompt"[^>]*\bvalue="([^"]+)"/i.exec(form[2]!);
  return form && prompt ? { action: unescapeHtml(form[1]!), prompt: prompt[1]! } : undefined;
}

/**
 * Signs in over plain HTTPS, without a browser: the console's `/login/oidc?org=…`, the
 * provider's authorization endpoint, its login form (and a consent form, should it ask),
 * back to the console's `/oidc/callback`, each redirect followed with the cookies set so
 * far. Returns the `Cookie` header value that carries the console session.
 */
export async function signInHttps(
  paths: HomePaths,
  webUrl: string,
  login: string,
  organisation: string,
): Promise<string> {
  const ca = readFileSync(paths.caCert);
  const jar = new CookieJar();
  const consoleUrl = new URL(webUrl);
  let url = new URL(`/login/oidc?org=${encodeURIComponent(organisation)}`, consoleUrl);
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const a = await fetchOnce(ca, url, jar.header(url), form);
    jar.take(url, a.setCookies);
    form = undefined;
    const where = `${a.status} at ${url.origin}${url.pathname}`;
    if (url.origin === consoleUrl.origin && url.pathname === '/oidc/callback') {
      const session = jar.get(url, 'samenhang_session');
      if (a.status !== 200 || !session) throw new Error(`sign-in of ${login} refused: ${where}`);
      return `samenhang_session=${session}`;
    }
    if (a.status >= 300 && a.status < 400 && a.location) {
      url = new URL(a.location, url);
      continue;
    }
    const next = a.status === 200 ? interactionForm(a.text) : undefined;
    if (!next) throw new Error(`sign-in of ${login}: unexpected answer ${where}: ${a.text.slice(0, 200)}`);
    url = new URL(next.action, url);
    form =
      next.prompt === 'login'
        ? new URLSearchParams({ prompt: 'login', login, password: DEV_PASSWORD })
        : new URLSearchParams({ prompt: next.prompt });
  }
  throw new Error(`sign-in of ${login}: too many redirects`);
}
