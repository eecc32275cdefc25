import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyFile } from '../src/bodies.js';

describe('BodyFile', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes more records than one writev takes, each where the one before ends, over what a rollback left', () => {
    dir = mkdtempSync(join(tmpdir(), 'bodies-'));
    const file = new BodyFile(join(dir, 'b'));
    const records = Array.from({ length: 2_500 }, (_, i) => Buffer.from(`record ${i} `.repeat(1 + (i % 7))));
    const first = file.write(0, records.slice(0, 3));
    expect(file.write(first, [Buffer.alloc(5_000, 1)])).toBe(first + 5_000); // rolled back: overwritten next
    const end = file.write(first, records.slice(3));
    expect(end).toBe(records.reduce((n, r) => n + r.length, 0));
    let at = 0;
    const inOrder = file.inOrder();
    for (const r of records) {
      expect(file.read(at, r.length)).toEqual(r);
      expect(inOrder(at, r.length)).toEqual(r);
      at += r.length;
    }
    expect(statSync(join(dir, 'b')).mode & 0o777).toBe(0o600);
    file.close();
  });
});
