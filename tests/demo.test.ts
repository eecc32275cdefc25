import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited } from '@samenhang/launcher';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');

describe('samenhang up --demo (what npm start shows a new user)', () => {
  it('prints ready, replays Meneer M and shows the Food Valley alert with why each entry is shown, then stops on SIGINT', async () => {
    const home = mkdtempSync(join(tmpdir(), 'samenhang-demo-'));
    const child = spawn('node', [BIN, 'up', '--demo', '--home', home], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b) => (output += String(b)));
    child.stderr.on('data', (b) => (output += String(b)));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('Follow it yourself') && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      expect(output).toMatch(/^samenhang ready: nats tls:\/\/127\.0\.0\.1:\d+ /m);
      expect(output).toMatch(/Alert v\d+ to the RVT of foodvalley: a family system of 5 persons/);
      expect(output).toMatch(/m-001 .* DISCLOSE R1/);
      expect(output).toMatch(/p-2031 .* DISCLOSE R7/);
      expect(output).toMatch(/g-77 .* INDEX +R5/);
      expect(output).toMatch(/j-5110 .* INDEX +R8/);
      expect(output).toMatch(/l-301 .* DISCLOSE R9/);
      // Why, by the reason of the rule that decided (not the first rule that did not apply).
      expect(output).toContain('why: Index only. Data from a criminal case are only indexed.');
      expect(output).not.toContain('Crisis assessment'); // g-77's summary stays out (index only)
      child.kill('SIGINT');
      await exited(child);
      expect(output).toContain('samenhang stopped');
      expect(child.exitCode).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
    }
  });
});
