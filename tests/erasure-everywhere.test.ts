import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { readConsoleInfo } from '@samenhang/console';
import { createPseudonymizer } from '@samenhang/pseudonym';
import { signalFromJson } from '@samenhang/signal';
import { bindKv } from '@samenhang/nats';
import { loadBrokerKeys } from '@samenhang/service-base';
import { BUCKETS } from '@samenhang/topology';
import { filesContaining } from './helpers/home-files.js';
import { https } from './helpers/https.js';
import { AlertFollower } from './helpers/rvt.js';
import { loadScenario, stepSignal } from './helpers/scenario.js';
import { signInHttps, stackPerSuite } from '@samenhang/testkit';

/**
 * After a person's data key is purged, nothing of what was under it is readable anywhere:
 * not in any file of the home (streams, buckets, logs, configuration), not in the console's
 * pages, not in `samenhang alerts --once`. Searched with real data, byte for byte.
 */
const CLI = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const acute = loadScenario<{ steps: { daysAgo: number; signal: Record<string, unknown> }[] }>('acute').steps[0]!;
const NAME = 'Zwaantje Vergeetmij-Uniek';
const SUMMARY = 'Unieke-samenvatting-4471 over de nacht van de melding';
const BSN = '999990147';

/** A console page as a Twente worker sees it: signed in through the identity provider, then `path`. */
async function consolePage(paths: Parameters<typeof https>[0], path: string): Promise<string> {
  const web = readConsoleInfo(paths).webUrl;
  const cookie = await signInHttps(paths, web, 'tw-medewerker-1', 'rvt-twente');
  const r = await https(paths, `${web}${path}`, { headers: { cookie } });
  expect(r.status, r.text.slice(0, 200)).toBe(200);
  return r.text;
}

describe('erasure reaches every copy', () => {
  const s = stackPerSuite({ services: ['broker-gateway', 'consent', 'audit', 'console'] });

  it('after a purge, no file of the home, console page or alerts output shows the person', async () => {
    const { t } = s;
    const rvt = await AlertFollower.open(await t.connect('rvt-twente'), 'twente');
    const police = await t.client('politie-oost-nederland');
    const signal = {
      ...stepSignal(acute, Date.now()),
      signalId: 'p-erase-1',
      subject: { bsn: BSN, name: NAME, birthDate: '1980-01-01' },
      relatedPersons: [],
      summary: SUMMARY,
    };
    await police.publish(await police.sign(signalFromJson(signal)));
    const [notice] = await rvt.waitFor('the alert', (xs) => xs.length > 0);
    // Before: the RVT sees the person, so the searches below would find them if they were anywhere.
    const before = JSON.stringify(await rvt.opened(notice));
    expect(before).toContain(NAME);
    expect(before).toContain(SUMMARY);
    const alertsBefore = await promisify(execFile)(process.execPath, [
      CLI,
      'alerts',
      '--home',
      t.paths.root,
      '--rvt',
      'twente',
      '--once',
    ]);
    expect(alertsBefore.stdout).toContain(NAME);
    expect(await consolePage(t.paths, `/rvt/picture?system=${notice!.systemId}`)).toContain(NAME);

    // Erasure as crypto-shredding: the person's data key is purged.
    const person = createPseudonymizer(loadBrokerKeys(t.paths).pseudonymMaster).person(BSN);
    const keys = await bindKv(s.admin.jetstream(), BUCKETS.VAULT_KEYS);
    await keys.purge(person);
    await sleep(1000);

    const needles = [NAME, SUMMARY, BSN];
    expect(JSON.stringify(await rvt.opened(notice))).not.toMatch(new RegExp(needles.join('|')));
    const alertsAfter = await promisify(execFile)(process.execPath, [
      CLI,
      'alerts',
      '--home',
      t.paths.root,
      '--rvt',
      'twente',
      '--once',
    ]);
    expect(alertsAfter.stdout).toContain('p-erase-1');
    for (const n of needles) expect(alertsAfter.stdout).not.toContain(n);
    for (const path of ['/rvt', `/rvt/picture?system=${notice!.systemId}`]) {
      const html = await consolePage(t.paths, path);
      expect(html).toContain('p-erase-1');
      for (const n of needles) expect(html, path).not.toContain(n);
    }
    // Every file of the home, byte for byte; the signal id is there (so the search can find things).
    expect(filesContaining(t.paths.root, ['p-erase-1']).length).toBeGreaterThan(0);
    expect(filesContaining(t.paths.root, needles)).toEqual([]);
    await rvt.close();
  });
});
