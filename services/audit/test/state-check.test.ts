import { describe, expect, it } from 'vitest';
import { CHECKPOINT_SUBJECT } from '@samenhang/audit-log';
import { leafHash } from '@samenhang/merkle';
import { LogHealth } from '../src/log-health.js';
import { EMPTY_LOG, appendLeaf } from '../src/log-state.js';
import { stateDisagreement, type StreamAt } from '../src/state-check.js';

const record = (n: number) => new TextEncoder().encode(`{"decisionId":"dec_${n}"}`);
const stream =
  (msgs: Record<number, { subject: string; data: Uint8Array }>): StreamAt =>
  async (seq) =>
    msgs[seq];
const appended = [1, 2, 3].reduce((s, n) => appendLeaf(s, n, leafHash(record(n))), EMPTY_LOG);
const records = {
  1: { subject: 'samenhang.audit.decisions', data: record(1) },
  2: { subject: 'samenhang.audit.decisions', data: record(2) },
  3: { subject: 'samenhang.audit.decisions', data: record(3) },
};

describe('the audit state against the stream', () => {
  it('agrees when the last appended record is on the stream with the same leaf', async () => {
    expect(await stateDisagreement(appended, stream(records))).toBeUndefined();
    expect(await stateDisagreement(EMPTY_LOG, stream({}))).toBeUndefined();
  });
  it('disagrees when the stream was rolled back under the state', async () => {
    expect(await stateDisagreement(appended, stream({ 1: records[1], 2: records[2] }))).toMatch(
      /no message at sequence 3/,
    );
  });
  it('disagrees when the state was overwritten with a later sequence', async () => {
    expect(await stateDisagreement({ ...appended, lastSeq: 1003 }, stream(records))).toMatch(
      /no message at sequence 1003/,
    );
  });
  it('disagrees when the record at the last sequence is another one', async () => {
    expect(
      await stateDisagreement(
        appended,
        stream({ ...records, 3: { subject: 'samenhang.audit.decisions', data: record(99) } }),
      ),
    ).toMatch(/not the one the log appended/);
    expect(
      await stateDisagreement(appended, stream({ ...records, 3: { subject: CHECKPOINT_SUBJECT, data: record(3) } })),
    ).toMatch(/is a checkpoint/);
  });
});

describe('audit readiness', () => {
  const o = { problem: undefined, uncoveredSince: undefined, lastSeq: 10, waiting: 0 };
  it('is ready while records are signed in time', () => {
    const h = new LogHealth(1000);
    expect(h.observe({ ...o, now: 0 })).toEqual({ log: 'ok', checkpoint: 'ok' });
    expect(h.observe({ ...o, now: 2500, uncoveredSince: 0 })).toEqual({ log: 'ok', checkpoint: 'ok' });
  });
  it('is not ready when records wait past the checkpoint interval, appended or on the stream', () => {
    const h = new LogHealth(1000);
    expect(h.observe({ ...o, now: 5000, uncoveredSince: 1000 }).checkpoint).toMatch(
      /^overdue: records have waited 4 s/,
    );
    const s = new LogHealth(1000);
    s.observe({ ...o, now: 0, waiting: 5 });
    expect(s.observe({ ...o, now: 2000, waiting: 5 }).checkpoint).toBe('ok');
    expect(s.observe({ ...o, now: 4000, waiting: 5 }).checkpoint).toMatch(
      /^overdue: 5 records have waited 4 s on the stream/,
    );
    expect(s.observe({ ...o, now: 4500, waiting: 5, lastSeq: 15 }).checkpoint).toBe('ok');
  });
  it('says why appending stopped', () => {
    expect(new LogHealth(1000).observe({ ...o, now: 0, problem: 'x' }).log).toBe('stopped: x');
  });
});
