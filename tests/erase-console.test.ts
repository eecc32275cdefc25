import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { parseRecords } from '@samenhang/audit-log';
import { readConsoleInfo } from '@samenhang/console';
import { bindKv, kvByteStore, readAll } from '@samenhang/nats';
import { v1 } from '@samenhang/proto';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { loadBrokerKeys } from '@samenhang/service-base';
import { signalFromJson } from '@samenhang/signal';
import { signInBrowser, startTestStack, type TestStack } from '@samenhang/testkit';
import { BUCKETS, STREAMS, auditSubjects } from '@samenhang/topology';
import { Vault } from '@samenhang/vault';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { waitUntil } from './helpers/until.js';
import { personOf as personIdOf } from './helpers/person.js';

/**
 * The broker's privacy officer erases a person from the console: signed in through the
 * identity provider, the BSN posted with the form's token (never in a URL), recorded with the
 * officer's pseudonymous id as who. No one else may: an RVT worker and an agency's privacy
 * officer get 403, for the page and for a forged post.
 */
const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;
const WHO = { bsn: '999990123', name: 'Console Wisbaar-Uniek', birthDate: '1983-04-04' };

describe('erasure from the console', () => {
  let t: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const web = () => readConsoleInfo(t.paths).webUrl;
  const signIn = async (login: string, organisationName: string): Promise<Page> => {
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL' });
    contexts.push(ctx);
    return signInBrowser(await ctx.newPage(), web(), login, organisationName);
  };
  const personOf = (login: string) => personIdOf(t.paths, login);

  beforeAll(async () => {
    t = await startTestStack({ services: ['broker-gateway', 'consent', 'audit', 'console'] });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const police = await t.client('politie-oost-nederland');
    const signal = { ...stepSignal(acute, Date.now()), signalId: 'p-console-erase', subject: WHO, relatedPersons: [] };
    expect((await police.publish(await police.sign(signalFromJson(signal)))).status).toBe(
      v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED,
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await t?.close();
  });

  it('refuses the page and a forged post to an RVT worker and to an agency privacy officer (403)', async () => {
    for (const [login, organisation] of [
      ['fv-medewerker-1', 'Regionaal veiligheidsteam Food Valley'],
      ['fg-politie', 'Politie Oost-Nederland'],
    ] as const) {
      const page = await signIn(login, organisation);
      expect((await page.request.get(`${web()}/audit/erase`, { maxRedirects: 0 })).status(), login).toBe(403);
      const csrf = await page.locator('input[name="csrf"]').first().inputValue();
      const forged = await page.request.post(`${web()}/audit/erase`, {
        form: { csrf, bsn: WHO.bsn, reason: 'AVG17_REQUEST' },
        maxRedirects: 0,
      });
      expect(forged.status(), login).toBe(403);
    }
  });

  it("the broker's privacy officer erases a person; the tombstone names the officer by pseudonymous id", async () => {
    const js = (await t.connect('broker-admin')).jetstream();
    const vault = new Vault(
      loadBrokerKeys(t.paths).vaultKek,
      kvByteStore(await bindKv(js, BUCKETS.VAULT_KEYS)),
      kvByteStore(await bindKv(js, BUCKETS.VAULT)),
    );
    const person = createPseudonymizer(loadBrokerKeys(t.paths).pseudonymMaster).person(WHO.bsn);
    await waitUntil('the person stored', async () => (await vault.getPerson(person))?.name === WHO.name);

    const page = await signIn('fg-broker', 'Functionaris gegevensbescherming');
    await page.goto(`${web()}/audit/erase`);
    // A BSN that is not one is refused before anything is asked.
    await page.locator('input[name="bsn"]').fill('123456789');
    await page.locator('form[action="/audit/erase"] button[type="submit"]').click();
    await page.locator('p.problem').waitFor();
    await page.locator('input[name="bsn"]').fill(WHO.bsn);
    await page.locator('select[name="reason"]').selectOption('UNLAWFUL_PROCESSING');
    await page.locator('form[action="/audit/erase"] button[type="submit"]').click();
    // Nothing is destroyed yet: the page says what the log holds about the person, and asks again.
    const confirm = page.locator('#confirm-erase');
    await confirm.waitFor();
    expect(await confirm.getAttribute('data-signals')).toBe('1');
    expect(await confirm.textContent()).toContain('Wissen kan niet ongedaan worden gemaakt');
    expect(await vault.getPerson(person)).toBeDefined();
    await confirm.getByRole('button', { name: 'Definitief wissen' }).click();
    const erased = page.locator('#erased');
    await erased.waitFor({ timeout: 30_000 });
    expect(await erased.getAttribute('data-signals')).toBe('1');
    expect(page.url()).not.toContain(WHO.bsn);
    expect(await vault.getPerson(person)).toBeUndefined();

    const po = await t.connect('privacy-officer');
    const tombstones = parseRecords(await readAll(po, STREAMS.AUDIT, auditSubjects.all)).erasures;
    expect(tombstones).toEqual([
      expect.objectContaining({
        person,
        signals: 1,
        reason: 'UNLAWFUL_PROCESSING',
        by: personOf('fg-broker'),
        byRole: 'privacy-officer',
      }),
    ]);
    expect(JSON.stringify(tombstones)).not.toMatch(new RegExp(`${WHO.bsn}|${WHO.name}|Iris`));
  });
});
