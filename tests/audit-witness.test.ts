import { createPrivateKey } from 'node:crypto';
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_SUBJECT, signCheckpoint, verifyLog, type Checkpoint, type LogEntry } from '@samenhang/audit-log';
import { identityFiles } from '@samenhang/config';
import { MerkleTree, leafHash, toHex } from '@samenhang/merkle';
import { readAll } from '@samenhang/nats';
import { STREAMS } from '@samenhang/topology';
import { publishStepsOneByOne, startTestStack, type TestStack } from '@samenhang/testkit';
import type { ScenarioStep } from '@samenhang/client';
import { X509Certificate } from 'node:crypto';
import { readLogFile, writeLogFile } from '../packages/cli/dist/audit-reader.js';
import { loadScenario } from './helpers/scenario.js';

const BIN = join(import.meta.dirname, '..', 'packages/cli/bin/samenhang.js');
const cli = (args: string[]) =>
  promisify(execFile)('node', [BIN, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/**
 * Witnessed checkpoints: an operator who rolls the log back or forks it (a second, re-signed
 * history of the same size) is caught by witnesses whose state lives outside the broker's home,
 * once a witness has cosigned the newer checkpoint. The home's own remembered checkpoint is not
 * used: no `audit verify` of the live log runs here.
 */
describe('witnessed checkpoints (C2SP signed notes and cosignatures)', () => {
  let t: TestStack;
  let log: LogEntry[];
  const dir = mkdtempSync(join(tmpdir(), 'samenhang-witness-'));
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    t = await startTestStack({ serviceEnv: { SAMENHANG_CHECKPOINT_EVERY: '1', SAMENHANG_CHECKPOINT_MS: '300' } });
    await publishStepsOneByOne(t, loadScenario<{ steps: ScenarioStep[] }>('meneer-m').steps);
    const trust = { ca: new X509Certificate(readFileSync(t.paths.caCert)), trustDomain: 'samenhang.dev' };
    const po = await t.connect('privacy-officer');
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      const report = await verifyLog(await readAll(po, STREAMS.AUDIT, 'samenhang.audit.>'), trust, null);
      if (report.ok && report.records >= 9 && report.uncovered === 0) break;
    }
    await cli(['audit', 'export', '--home', t.paths.root, '--out', file('full.jsonl')]);
    log = readLogFile(file('full.jsonl'));
  }, 150_000);
  afterAll(async () => t?.close());

  /** `audit verify` of a copy, with `n` of the witnesses in `dirs` asked for when given. */
  const verifyCopy = (copy: string, n?: number, ...dirs: string[]) =>
    cli([
      'audit',
      'verify',
      '--home',
      t.paths.root,
      '--file',
      file(copy),
      ...(n === undefined
        ? []
        : ['--witnesses', String(n), '--witness-keys', file('trusted.txt'), '--witness', dirs.map(file).join(',')]),
    ]);
  /** `audit witness` of a copy, as the witness in `state` (named on its first run). */
  const witnessCopy = (state: string, copy: string, name?: string) =>
    cli([
      'audit',
      'witness',
      '--home',
      t.paths.root,
      '--state',
      file(state),
      ...(name ? ['--name', name] : []),
      '--file',
      file(copy),
    ]);
  const checkpoints = () => log.filter((e) => e.subject === CHECKPOINT_SUBJECT);
  const payload = (e: LogEntry) =>
    JSON.parse(Buffer.from(Buffer.from(e.data).toString().split('.')[1]!, 'base64url').toString()) as Checkpoint;

  /** The same history up to the last checkpoint's predecessor, then another last record, re-signed with the audit key. */
  async function fork(): Promise<LogEntry[]> {
    const last = checkpoints().at(-1)!;
    const c = payload(last);
    const records = log.filter((e) => e.subject !== CHECKPOINT_SUBJECT).slice(0, c.treeSize);
    const changed = records.map((r, i) =>
      i === c.treeSize - 1
        ? { ...r, data: Buffer.from(JSON.stringify({ type: 'decision', decisionId: 'dec_forged' })) }
        : r,
    );
    const leaves = changed.map((r) => leafHash(r.data));
    const audit = identityFiles(t.paths, 'audit');
    const { note: _n, noteKey: _k, ...head } = c;
    const jws = await signCheckpoint(
      {
        ...head,
        rootHash: toHex(new MerkleTree(leaves).root()),
        leaves: leaves.slice(c.previous?.treeSize ?? 0).map(toHex),
      },
      createPrivateKey(readFileSync(audit.key)),
      readFileSync(audit.cert, 'utf8'),
    );
    const before = log.slice(0, log.indexOf(last)).map((e) => changed.find((r) => r.seq === e.seq) ?? e);
    return [...before, { ...last, data: Buffer.from(jws) }];
  }

  it('cosigns the newest checkpoint as a C2SP signed note, and two witnesses vouch for the log', async () => {
    const w1 = await witnessCopy('w1', 'full.jsonl', 'witness.politie.test/1');
    expect(w1.code, w1.stdout).toBe(0);
    const note = readFileSync(join(file('w1'), 'cosigned.note'), 'utf8');
    const size = payload(checkpoints().at(-1)!).treeSize;
    // tlog-checkpoint body, then the log's signature and the witness's cosignature.
    expect(note).toMatch(new RegExp(`^samenhang\\.dev/audit/v1\\n${size}\\n[A-Za-z0-9+/]{43}=\\n\\n`));
    expect(note).toMatch(
      /\n\u2014 samenhang\.dev\/audit\/v1 [A-Za-z0-9+/=]+\n\u2014 witness\.politie\.test\/1 [A-Za-z0-9+/=]+\n$/,
    );
    // A 4-byte key id and a 72-byte timestamped Ed25519 signature (c2sp.org/tlog-cosignature).
    expect(Buffer.from(note.trim().split(' ').at(-1)!, 'base64')).toHaveLength(76);
    expect((await witnessCopy('w2', 'full.jsonl', 'witness.ggz.test/1')).code).toBe(0);
    // The verifier's list of witnesses, each key obtained from that witness (not from the broker).
    const vkey = (w: string) => readFileSync(join(file(w), 'witness.vkey'), 'utf8');
    writeFileSync(file('trusted.txt'), `# witnesses of the Samenhang audit log\n${vkey('w1')}${vkey('w2')}`);
    const ok = await verifyCopy('full.jsonl', 2, 'w1', 'w2');
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('witnessed: 2 of 2 needed');
    // One witness's note handed in twice is one witness.
    expect((await verifyCopy('full.jsonl', 2, 'w1', 'w1')).code).toBe(1);
    // A witness anyone can make (not in the list) counts for nothing.
    expect((await witnessCopy('w-made-up', 'full.jsonl', 'witness.made-up.test/1')).code).toBe(0);
    const madeUp = await verifyCopy('full.jsonl', 2, 'w1', 'w-made-up');
    expect(madeUp.code).toBe(1);
    expect(madeUp.stdout).toContain('NOT WITNESSED: 1 of 2');
    // A cosignature older than --max-age does not count (here a limit of 6 ms: any is older).
    const stale = await cli([
      'audit',
      'verify',
      '--home',
      t.paths.root,
      '--file',
      file('full.jsonl'),
      '--witnesses',
      '1',
      '--witness-keys',
      file('trusted.txt'),
      '--witness',
      file('w1'),
      '--max-age',
      '0.0001',
    ]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/its newest cosignature is from .*, older than allowed/);
  });

  it('catches a log rolled back below what a witness cosigned, and the witness refuses it', async () => {
    const cut = log.indexOf(checkpoints()[1]!);
    writeLogFile(file('rolled.jsonl'), log.slice(0, cut + 1));
    // On its own, the shorter log is a valid log.
    expect((await verifyCopy('rolled.jsonl')).code).toBe(0);
    const r = await verifyCopy('rolled.jsonl', 1, 'w1');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/witness witness\.politie\.test\/1: FAILED: the log was rolled back/);
    expect(r.stdout).toContain('NOT WITNESSED: 0 of 1');
    const refused = await witnessCopy('w1', 'rolled.jsonl');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/refuses to cosign: the log was rolled back/);
  });

  it('catches a fork: another checkpoint of the same size, validly signed', async () => {
    writeLogFile(file('forked.jsonl'), await fork());
    // Signed with the audit service's own key, the fork verifies by itself.
    const alone = await verifyCopy('forked.jsonl');
    expect(alone.code, alone.stdout).toBe(0);
    const r = await verifyCopy('forked.jsonl', 1, 'w2');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /witness witness\.ggz\.test\/1: FAILED: the log is not consistent with the checkpoint of size \d+/,
    );
    expect((await witnessCopy('w2', 'forked.jsonl')).code).toBe(1);
    // A witness that only ever saw an older head is no help against a fork after it.
    expect((await witnessCopy('w3', 'rolled.jsonl', 'witness.late.test/1')).code).toBe(0);
    appendFileSync(file('trusted.txt'), readFileSync(join(file('w3'), 'witness.vkey'), 'utf8'));
    expect((await verifyCopy('forked.jsonl', 1, 'w3')).code).toBe(0);
  });

  it('rejects a cosigned note whose cosignature does not verify', async () => {
    const note = readFileSync(join(file('w1'), 'cosigned.note'), 'utf8');
    cpSync(file('w1'), file('w1-bad'), { recursive: true });
    // The same head claimed with another size: the witness never signed that.
    writeFileSync(
      join(file('w1-bad'), 'cosigned.note'),
      note.replace(/\n(\d+)\n/, (_m, n) => `\n${Number(n) - 1}\n`),
    );
    const r = await verifyCopy('full.jsonl', 1, 'w1-bad');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/witness\.politie\.test\/1: FAILED: no note carries a verifying cosignature/);
  });
});
