import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { monthOf } from '@samenhang/audit-index';
import { parseRecords } from '@samenhang/audit-log';
import { readConsoleInfo } from '@samenhang/console';
import { readAll } from '@samenhang/nats';
import { signalFromJson } from '@samenhang/signal';
import { STREAMS, auditSubjects } from '@samenhang/topology';
import {
  acuteSignals,
  signInBrowser,
  startTestStack,
  syntheticWorkload,
  type TestStack,
  type WorkloadItem,
} from '@samenhang/testkit';
import { acceptedPublisher } from './helpers/rvt.js';

const CLI = join(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'samenhang.js');

/**
 * The learning dashboard end to end: signals through the real pipeline, the audit index's
 * figures, the programme analyst signed in through the development identity provider, the
 * page, its charts and `samenhang stats`. What it shows is counts only, small cells
 * suppressed; no id from the audit log may appear in any of it.
 */
describe('the learning dashboard (/leren, samenhang stats)', () => {
  let t: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const web = () => readConsoleInfo(t.paths).webUrl;
  const month = monthOf(new Date().toISOString())!;
  // Food Valley: 12 ACUTE signals of the police (each alerts at once) and one family of 5
  // signals from 5 agencies, so Food Valley's month is a big cell and each other agency kind a small one.
  const acute = acuteSignals(12, { idPrefix: 'leer-acuut', bsnBase: 760_000_000 });
  const mixed: WorkloadItem[] = syntheticWorkload({ systems: 1, perSystem: 5, bsnBase: 770_000_000 }).map((w, i) => ({
    ...w,
    signal: { ...w.signal, signalId: `leer-gezin-${i}` },
  }));

  const signIn = async (login: string, organisationName: string): Promise<Page> => {
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL' });
    contexts.push(ctx);
    return signInBrowser(await ctx.newPage(), web(), login, organisationName);
  };

  /** Every id and pseudonym the audit log holds (and the BSNs published): none may be shown. */
  const secrets = async (): Promise<string[]> => {
    const po = await t.connect('privacy-officer');
    try {
      const r = parseRecords(await readAll(po, STREAMS.AUDIT, auditSubjects.all));
      const ids = new Set<string>();
      for (const d of r.decisions) {
        for (const v of [d.decisionId, d.signalId, d.subjectPseudonym, d.householdKey, ...d.relatedPseudonyms])
          ids.add(v);
        if (d.human) ids.add(d.human.by);
      }
      for (const d of r.disclosures) {
        for (const v of [d.disclosureId, d.systemId, d.viewer ?? '', ...d.pseudonyms, ...d.decisionIds]) ids.add(v);
        for (const v of d.sourceSignals) ids.add(v);
        for (const v of d.correction?.replacedBy ?? []) ids.add(v);
      }
      for (const w of [...acute, ...mixed]) ids.add(String((w.signal.subject as { bsn: string }).bsn));
      ids.delete('');
      return [...ids];
    } finally {
      await po.close();
    }
  };
  const expectNoSecret = (what: string, text: string, ids: readonly string[]) => {
    expect(text.length, what).toBeGreaterThan(0);
    expect(text, what).not.toMatch(/person:|ps_|sys_|dec_|dis_/);
    for (const id of ids) expect(text.includes(id), `${what} shows ${id}`).toBe(false);
  };

  beforeAll(async () => {
    t = await startTestStack({ services: ['broker-gateway', 'consent', 'audit', 'console'] });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const publishers = new Map<string, Awaited<ReturnType<typeof acceptedPublisher>>>();
    for (const w of [...acute, ...mixed]) {
      const publish = publishers.get(w.agency) ?? (await acceptedPublisher(t, w.agency));
      publishers.set(w.agency, publish);
      await publish(signalFromJson(w.signal));
    }
    // Every signal decided, and each ACUTE one alerted, in the log.
    const po = await t.connect('privacy-officer');
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const r = parseRecords(await readAll(po, STREAMS.AUDIT, auditSubjects.all));
        if (r.decisions.length >= 17 && r.disclosures.filter((d) => d.kind === 'alert').length >= 12) break;
        if (Date.now() > deadline) throw new Error('the signals were not all decided and alerted in time');
        await sleep(250);
      }
    } finally {
      await po.close();
    }
  });
  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await t?.close();
  });

  it('shows the programme analyst a big cell as its number, a small one as "< 10", and no id anywhere', async () => {
    const page = await signIn('analist', 'Programmabureau Samenhang');
    expect(new URL(page.url()).pathname).toBe('/leren');
    expect(await page.locator('h1').textContent()).toBe('Leren van Samenhang');
    const signals = page.locator(
      `#signals-table td[data-month="${month}"][data-region="foodvalley"][data-measure="signals"]`,
    );
    expect(await signals.textContent()).toBe('17');
    const row = page.locator(`#figures-table tr[data-month="${month}"][data-region="foodvalley"]`);
    expect(Number(await row.locator('td[data-measure="alerts"]').textContent())).toBeGreaterThanOrEqual(12);
    // A month in Dutch words, a region by its name.
    const monthWords = new Intl.DateTimeFormat('nl-NL', {
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date());
    expect(await row.locator('th').textContent()).toBe(monthWords);
    expect(await row.locator('td').first().textContent()).toBe('Food Valley');
    // The charts load (the console's CSP allows them: local SVG, no inline style) and say what they show.
    for (const img of await page.locator('main img').all()) {
      expect(await img.getAttribute('alt')).toMatch(/^Staafdiagram: /);
      await expect
        .poll(() =>
          img.evaluate(
            (i) =>
              (i as unknown as { complete: boolean; naturalWidth: number }).complete &&
              (i as unknown as { naturalWidth: number }).naturalWidth > 0,
          ),
        )
        .toBe(true);
    }
    const html = await page.content();

    // The mental-health cell: one signal, shown only as below 10; its share and mean hidden.
    await page.goto(`${web()}/leren?soort=MENTAL_HEALTH`);
    expect(await signals.textContent()).toBe('< 10');
    const small = page.locator(`#figures-table tr[data-month="${month}"][data-region="foodvalley"]`);
    expect(await small.locator('td[data-measure="signals"]').textContent()).toBe('< 10');
    expect(await small.locator('td[data-measure="assumption"]').textContent()).toBe('< 10');
    expect(await page.locator('select[name="soort"] option[selected]').textContent()).toBe('ggz');
    const filtered = await page.content();

    // Every chart's SVG, filtered and not.
    const svgs: string[] = [];
    for (const q of ['', '?soort=MENTAL_HEALTH'])
      for (const chart of ['signalen', 'besluiten']) {
        const res = await page.goto(`${web()}/leren/grafiek/${chart}.svg${q}`);
        expect(res?.status()).toBe(200);
        expect(res?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
        const svg = await res!.text();
        expect(svg).toMatch(/^<svg /);
        expect(svg).not.toMatch(/<script|style=|href=/);
        svgs.push(svg);
      }
    // The big cell is drawn with its number in the chart's data; the small one is not drawn.
    expect(svgs[0]).toContain('Food Valley');

    const cli = async (...args: string[]) =>
      (await promisify(execFile)(process.execPath, [CLI, 'stats', '--home', t.paths.root, ...args])).stdout;
    const json = await cli('--json');
    const rows = JSON.parse(json).rows as { month: string; region: string; signals: unknown; outcomes: object }[];
    expect(rows.find((r) => r.month === month && r.region === 'foodvalley')).toMatchObject({ signals: 17 });
    const csv = await cli('--csv');
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toMatch(/^month,region,signals,decisions,/);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${month},foodvalley,17,`)));
    expect(csv).toContain('< 10');

    // Each view of the page is the analyst's, in the log; what the page showed names no one.
    const ids = await secrets();
    expect(ids.length).toBeGreaterThan(17 * 3);
    for (const [what, text] of [
      ['page', html],
      ['filtered page', filtered],
      ...svgs.map((s, i) => [`chart ${i}`, s]),
      ['stats --json', json],
      ['stats --csv', csv],
    ] as const)
      expectNoSecret(what, text, ids);
  });

  it('records every view of /leren as the analyst’s, with no person, signal or family in it', async () => {
    const po = await t.connect('privacy-officer');
    try {
      const views = parseRecords(await readAll(po, STREAMS.AUDIT, auditSubjects.all)).disclosures.filter(
        (d) => d.purpose === 'PROGRAMME_LEARNING',
      );
      expect(views.length).toBeGreaterThanOrEqual(2);
      for (const v of views)
        expect(v).toMatchObject({
          kind: 'view',
          recipient: 'leren',
          viewer: expect.stringMatching(/^person:/),
          viewerRole: 'programme-analyst',
          decisionIds: [],
          pseudonyms: [],
          sourceSignals: [],
          systemId: '',
        });
    } finally {
      await po.close();
    }
  });

  it('is the analyst’s only page, and the analyst’s alone', async () => {
    const analyst = await signIn('analist', 'Programmabureau Samenhang');
    for (const path of ['/audit', '/audit/disclosures', '/audit/decisions', '/rvt', '/rvt/picture', '/beheer'])
      expect((await analyst.goto(`${web()}${path}`))?.status(), path).toBe(403);
    const officer = await signIn('fg-broker', 'Functionaris gegevensbescherming');
    const worker = await signIn('fv-medewerker-1', 'Regionaal veiligheidsteam Food Valley');
    for (const page of [officer, worker])
      for (const path of ['/leren', '/leren/grafiek/signalen.svg', '/leren?soort=POLICE'])
        expect((await page.goto(`${web()}${path}`))?.status(), path).toBe(403);
  });
});
