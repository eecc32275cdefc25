import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecords } from '@samenhang/audit-log';
import { publishSteps, signInBrowser, startTestStack, type TestStack } from '@samenhang/testkit';
import type { ScenarioStep } from '@samenhang/client';
import { readConsoleInfo } from '@samenhang/console';
import { readAll } from '@samenhang/nats';
import { STREAMS } from '@samenhang/topology';
import { personalValues } from './helpers/personal.js';
import { loadScenario } from './helpers/scenario.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts');
const meneerM = loadScenario<{ steps: ScenarioStep[] }>('meneer-m');
const acute = loadScenario<{ steps: ScenarioStep[] }>('acute');
const M_SIGNALS = ['m-001', 'p-2031', 'g-77', 'j-5110', 'l-301'];
const SHORT_TTL_S = 3;
const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const cli = (args: string[]) =>
  promisify(execFile)('node', [BIN, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/** Who signs in, by their login at the development identity provider, and the link that names their organisation. */
const FV_WORKER = ['fv-medewerker-1', 'Regionaal veiligheidsteam Food Valley'] as const;
const TW_WORKER = ['tw-medewerker-1', 'Regionaal veiligheidsteam Twente'] as const;
const BROKER_PO = ['fg-broker', 'Functionaris gegevensbescherming'] as const;

describe('web console in headless Chromium (real stack, real TLS)', () => {
  let t: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (): Promise<Page> => {
    // The console's certificate is issued by the broker's dev CA, which this browser profile does not know.
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL' });
    contexts.push(ctx);
    return ctx.newPage();
  };
  const web = () => readConsoleInfo(t.paths).webUrl;
  /** A fresh browser, signed in as a person through the identity provider (OpenID Connect). */
  const signIn = async ([login, organisation]: readonly [string, string]): Promise<Page> =>
    signInBrowser(await open(), web(), login, organisation);
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestStack({ services: ['broker-gateway', 'consent', 'audit', 'console'] });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await t?.close();
  });

  it('Food Valley: the alert appears without reload; the GGZ entry is index-only and explains R5', async () => {
    const page = await signIn(FV_WORKER);
    expect(new URL(page.url()).pathname).toBe('/rvt');
    await expect(page.locator('h1').textContent()).resolves.toContain('foodvalley');
    await page.locator('#no-alerts').waitFor();
    await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));

    await publishSteps(t, meneerM.steps);
    const final = page.locator('section[data-signal="l-301"]');
    await final.waitFor({ timeout: 60_000 });
    // Same document: pushed over server-sent events, no reload.
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
    for (const id of M_SIGNALS) await expect(page.locator(`section[data-signal="${id}"]`).count()).resolves.toBe(1);

    const ggz = page.locator('section[data-signal="g-77"]');
    await expect(ggz.getAttribute('data-shown-as')).resolves.toBe('INDEX');
    await expect(ggz.getAttribute('class')).resolves.toContain('index');
    await expect(ggz.locator('.badge').textContent()).resolves.toBe('Alleen index');
    await ggz.locator('summary').click();
    const why = await ggz.locator('details').textContent();
    expect(why).toContain('R5');
    expect(await ggz.textContent()).not.toContain('Samenvatting'); // no content of an index entry
    await expect(page.locator('section[data-signal="m-001"]').getAttribute('data-shown-as')).resolves.toBe('DISCLOSE');
    await shot(page, 'rvt-foodvalley');
    // The list holds notices only (no names, no summaries); the family's content opens on request.
    expect(await page.locator('main').textContent()).not.toContain('M. Visser');
    await page.locator('article[data-system] a.open-picture').last().click();
    await page.locator('section[data-signal="m-001"]').waitFor();
    expect(new URL(page.url()).searchParams.get('system')).toMatch(/^sys_/);
    expect(await page.locator('main').textContent()).toContain('M. Visser');
  });

  it('Twente sees nothing of Meneer M, and records the review an ACUTE disclosure requires', async () => {
    await publishSteps(t, acute.steps);
    const page = await signIn(TW_WORKER);
    await page.locator('section[data-signal="p-9001"]').waitFor({ timeout: 30_000 });
    const text = await page.locator('main').textContent();
    for (const id of M_SIGNALS) expect(text).not.toContain(id);
    expect(text).not.toContain('Visser');
    // The RVT of Twente cannot open Food Valley's pictures or the audit views.
    expect((await page.goto(`${readConsoleInfo(t.paths).webUrl}/audit`))?.status()).toBe(403);
    await page.goBack();
    await page.getByLabel('Delen terecht').check();
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    // Taken: the page says so, and once the consent service recorded it the next version
    // shows the signal decided by a person, with nothing left to review.
    await page.locator('section[data-signal="p-9001"] form').waitFor({ state: 'detached' });
    await page.locator('section[data-signal="p-9001"]', { hasText: 'HUMAN-UPHELD' }).waitFor({ timeout: 30_000 });
    await shot(page, 'rvt-twente');
  });

  it("the privacy officer verifies the log and opens M's access report", async () => {
    const page = await signIn(BROKER_PO);
    expect(new URL(page.url()).pathname).toBe('/audit');
    await page.getByRole('button', { name: 'Nu verifiëren' }).click();
    await expect(page.locator('#verify-result').getAttribute('class')).resolves.toBe('ok');
    await page.goto(`${readConsoleInfo(t.paths).webUrl}/audit/access-report`);
    await page.getByLabel('BSN', { exact: true }).fill('999990007');
    await page.getByRole('button', { name: 'Tonen' }).click();
    const report = (await page.locator('#report').textContent()) ?? '';
    for (const id of M_SIGNALS)
      await expect(page.locator(`#report section[data-signal="${id}"]`).count()).resolves.toBe(1);
    expect(report).toContain('5 meldingen over u');
    expect(report).toContain('M. Visser'); // the copy of his data, from the vault
    expect(report).toContain('Jeugdwet artikel 7.3.11'); // the reporter's identity is withheld, with its ground
    // The Food Valley worker's views of the alert: one line per signal, not one per view.
    expect((await page.locator('#report li[data-how="viewed"]').count()) <= M_SIGNALS.length).toBe(true);
    await expect(page.getByRole('button', { name: 'Afdrukken / opslaan als PDF' }).count()).resolves.toBe(1);
    await shot(page, 'privacy-officer-access-report');
    // The CLI's report is the same report: one model, one renderer.
    const file = join(t.paths.root, 'access-report-m.html');
    const made = await cli(['audit', 'access-report', '--home', t.paths.root, '--bsn', '999990007', '--html', file]);
    expect(made.code, made.stderr).toBe(0);
    const fromCli = await open();
    await fromCli.goto(pathToFileURL(file).href);
    const content = (p: Page) =>
      p.locator('#access-report').evaluate((el) => {
        const copy = el.cloneNode(true) as typeof el;
        for (const x of copy.querySelectorAll('[data-generated]')) x.remove();
        return copy.textContent!.replace(/\s+/g, ' ').trim();
      });
    const consoleText = await content(page);
    expect(consoleText.length).toBeGreaterThan(1000);
    expect(await content(fromCli)).toBe(consoleText);
    // audit disclosures --bsn lists what the report lists: the Food Valley worker's views of
    // M's alerts too, which name the decisions they showed but no person.
    const listed = await cli(['audit', 'disclosures', '--json', '--home', t.paths.root, '--bsn', '999990007']);
    const rows = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; recipient: string; pseudonyms: string[] });
    expect(rows.some((d) => d.kind === 'view' && d.recipient === 'rvt-foodvalley' && d.pseudonyms.length === 0)).toBe(
      true,
    );
    // Printing makes the PDF: the print stylesheet leaves out the console's header, the form and the button.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('body > header').isVisible()).resolves.toBe(false);
    await expect(page.locator('form[action="/audit/access-report"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('#access-report [data-print]').isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    console.info(`access report for Meneer M: ${pages} A4 pages, ${pdf.length} bytes as PDF`);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(8);
    await page.emulateMedia({ media: 'screen' });
    // In English the same report has no Dutch sentence of its own.
    await page.goto(`${readConsoleInfo(t.paths).webUrl}/audit/access-report?lang=en`);
    await page.getByLabel('BSN', { exact: true }).fill('999990007');
    await page.getByRole('button', { name: 'Show' }).click();
    const english = (await page.locator('#report').textContent()) ?? '';
    expect(english).toContain('5 signals about you');
    expect(english).not.toMatch(/\b(meldingen|gedeeld|Gestuurd naar|bewaren)\b/);
    await page.goto(`${readConsoleInfo(t.paths).webUrl}/audit?lang=nl`);
    // Decisions are found by (agency, signal id); Twente's review shows who decided it: a person, pseudonymous.
    const decisions = (agency: string) =>
      `${readConsoleInfo(t.paths).webUrl}/audit/decisions?signal=p-9001&agency=${agency}`;
    await page.goto(decisions('politie-oost-nederland'));
    await expect(page.locator('[data-human="REVIEW_UPHELD"]').textContent()).resolves.toMatch(
      /^person:[0-9a-f]{24} \(rvt-twente\) — Delen terecht$/,
    );
    await page.goto(decisions('ggz-centraal'));
    await expect(page.locator('main article').count()).resolves.toBe(0);
    // Disclosures too: those of p-9001 of the police, none of a p-9001 of another agency.
    const disclosures = (agency: string) =>
      `${readConsoleInfo(t.paths).webUrl}/audit/disclosures?signal=p-9001&agency=${agency}`;
    await page.goto(disclosures('politie-oost-nederland'));
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.goto(disclosures('ggz-centraal'));
    await expect(page.locator('tbody tr').count()).resolves.toBe(0);
    // English is one click away.
    await page.goto(`${readConsoleInfo(t.paths).webUrl}/audit?lang=en`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Audit log');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await shot(page, 'privacy-officer-status-en');
  });

  it('every page view that showed personal data is a disclosure record; the console logs none', async () => {
    const po = await t.connect('privacy-officer');
    const records = parseRecords(await readAll(po, STREAMS.AUDIT, 'samenhang.audit.>'));
    const views = records.disclosures.filter((d) => d.kind === 'view');
    const fv = views.filter((d) => d.recipient === 'rvt-foodvalley');
    // The final Food Valley alert (all five signals) was shown, and recorded as shown to a worker of that RVT.
    expect(
      fv.some(
        (d) =>
          M_SIGNALS.every((s) => d.sourceSignals.includes(s)) &&
          d.viewOf &&
          /^person:[0-9a-f]{24}$/.test(d.viewer ?? ''),
      ),
    ).toBe(true);
    // Every view names the person who looked, and their role: there is no other way in.
    expect(views.every((d) => /^person:[0-9a-f]{24}$/.test(d.viewer ?? '') && d.viewerRole)).toBe(true);
    for (const d of fv)
      expect(records.disclosures.some((x) => x.disclosureId === d.viewOf && x.recipient === 'rvt-foodvalley')).toBe(
        true,
      );
    expect(views.some((d) => d.recipient === 'rvt-twente' && d.sourceSignals.includes('p-9001'))).toBe(true);
    expect(views.some((d) => d.recipient === 'rvt-twente' && d.sourceSignals.some((s) => M_SIGNALS.includes(s)))).toBe(
      false,
    );
    expect(
      views.some(
        (d) => d.recipient === 'privacy-officer' && d.purpose === 'ACCESS_REQUEST' && d.pseudonyms.length === 1,
      ),
    ).toBe(true);
    // The review is a decision record, attributable to the person who took it, which fulfils the review.
    expect(records.decisions.filter((d) => d.human)).toEqual([
      expect.objectContaining({
        signalId: 'p-9001',
        decidingRule: 'HUMAN-UPHELD',
        obligations: [],
        human: expect.objectContaining({ kind: 'REVIEW_UPHELD', organisation: 'rvt-twente' }),
      }),
    ]);
    expect(records.decisions.find((d) => d.human)!.human!.by).toMatch(/^person:[0-9a-f]{24}$/);
    const log = readFileSync(join(t.paths.logs, 'console.log'), 'utf8');
    const audit = records.disclosures.map((d) => JSON.stringify(d)).join('\n');
    for (const v of personalValues([...meneerM.steps, ...acute.steps].flatMap((s) => (s.signal ? [s.signal] : [])))) {
      expect(log, 'console log').not.toContain(v);
      expect(audit, 'audit records').not.toContain(v);
    }
  });

  it('a session cookie cannot be replayed after sign-out', async () => {
    const page = await signIn(FV_WORKER);
    const session = (await page.context().cookies()).find((c) => c.name === 'samenhang_session')!;
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    // Copied into another browser, it works there while the session lasts…
    const thief = await open();
    await thief.context().addCookies([session]);
    expect((await thief.goto(`${web()}/rvt`))?.status()).toBe(200);
    // …and not once its person signed out: the server has forgotten it.
    await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect((await thief.goto(`${web()}/rvt`))?.status()).toBe(401);
    for (const id of M_SIGNALS) expect(await thief.locator('main').textContent()).not.toContain(id);
  });

  it('a session cookie cannot be replayed after it expired', async () => {
    // The console again, with a 3 s session lifetime (the default is 15 minutes), on its own
    // port: the identity provider sends people back to that address only.
    await t.stack.startService('console', 1, { SAMENHANG_SESSION_TTL_SECONDS: String(SHORT_TTL_S) });
    try {
      const page = await signIn(FV_WORKER);
      expect(new URL(page.url()).pathname).toBe('/rvt');
      const session = (await page.context().cookies()).find((c) => c.name === 'samenhang_session')!;
      expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });

      // The open page says so by itself, within seconds of the session's end, without a click.
      await expect
        .poll(() => page.locator('#live-state').getAttribute('data-state'), { timeout: SHORT_TTL_S * 1000 + 5_000 })
        .toBe('ended');
      expect(await page.locator('#live-state').textContent()).toContain('uw sessie is beëindigd');
      await sleep(500);
      const thief = await open();
      await thief.context().addCookies([{ ...session, expires: -1 }]); // the browser would keep it; the server must not
      const answer = await thief.goto(`${web()}/rvt`);
      expect(answer?.status()).toBe(401);
      const text = await thief.locator('main').textContent();
      expect(text).toContain('Uw sessie is verlopen');
      for (const id of M_SIGNALS) expect(text).not.toContain(id);
      await shot(thief, 'session-expired');
    } finally {
      await t.stack.startService('console'); // the usual lifetime, for whatever runs after this test
    }
  });
});
