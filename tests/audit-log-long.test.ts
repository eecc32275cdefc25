import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_SUBJECT, verifyLog, type LogEntry } from '@samenhang/audit-log';
import { buildAuditLog } from '@samenhang/bench';
import { ensurePki } from '@samenhang/certs-dev';
import { homePaths, identityFiles } from '@samenhang/config';
import { loadDefaultPolicy } from '@samenhang/policy';

/**
 * A long log: past its first few dozen checkpoints, audit verify checks their signatures in a
 * worker thread. A bad one must still be found, and named at its place, on either side.
 */
describe('audit verify of a long log (signatures checked in a worker thread)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samenhang-long-log-'));
  let log: LogEntry[] = [];
  let trust: { ca: X509Certificate; trustDomain: string };

  beforeAll(async () => {
    const paths = homePaths(join(dir, 'home'));
    await ensurePki(paths);
    const files = identityFiles(paths, 'audit');
    const signer = { key: createPrivateKey(readFileSync(files.key)), certPem: readFileSync(files.cert, 'utf8') };
    const sink = { bytes: 0, write: (e: LogEntry) => void log.push(e) };
    await buildAuditLog(64 * 48, loadDefaultPolicy(), signer, sink, () => undefined);
    trust = { ca: new X509Certificate(readFileSync(paths.caCert)), trustDomain: 'samenhang.dev' };
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const checkpoints = () => log.filter((e) => e.subject === CHECKPOINT_SUBJECT);
  /** The log with the signature of its n-th checkpoint changed in one character. */
  const forgedAt = (n: number) => {
    const at = checkpoints()[n]!;
    const [h, p, s] = Buffer.from(at.data).toString().split('.');
    const flipped = `${h}.${p}.${s!.slice(0, 10)}${s![10] === 'A' ? 'B' : 'A'}${s!.slice(11)}`;
    return { seq: at.seq, log: log.map((e) => (e === at ? { ...e, data: Buffer.from(flipped) } : e)) };
  };

  it('verifies every checkpoint of the log', async () => {
    const r = await verifyLog(log, trust, null);
    expect(r).toMatchObject({ ok: true, records: 64 * 48, checkpoints: 48, uncovered: 0 });
  });

  it('names a forged signature where the verifying thread checks it, and where the worker does', async () => {
    for (const n of [3, 40]) {
      const { seq, log: forged } = forgedAt(n);
      const r = await verifyLog(forged, trust, null);
      expect(r.ok, `checkpoint ${n}`).toBe(false);
      expect(r.problem).toMatchObject({ seq });
      expect(r.problem!.what).toMatch(/signature invalid/);
    }
  });
});
