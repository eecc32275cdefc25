import { describe, expect, it } from 'vitest';
import { StreamPosition } from '../src/stream-position.js';

/** A server whose answers the test releases one at a time, each with the position at the moment it was asked. */
function server() {
  let position = 0;
  const asked: Array<{ at: number; answer: () => void }> = [];
  const ask = () =>
    new Promise<number>((resolve) => {
      const at = position;
      asked.push({ at, answer: () => resolve(at) });
    });
  return { ask, asked, write: () => ++position };
}

describe('StreamPosition: one request at a time, never one sent before the caller', () => {
  it('a caller with nothing on its way asks at once, and the answer becomes last', async () => {
    const s = server();
    const p = new StreamPosition(s.ask);
    s.write();
    const a = p.fresh();
    expect(s.asked).toHaveLength(1);
    s.asked[0]!.answer();
    expect(await a).toBe(1);
    expect(p.last).toBe(1);
  });

  it('a caller arriving while a request is on its way waits for the next one, which sees its write', async () => {
    const s = server();
    const p = new StreamPosition(s.ask);
    const early = p.fresh(); // asked at position 0
    s.write(); // a write stored after the request left
    const late1 = p.fresh();
    const late2 = p.fresh();
    expect(s.asked).toHaveLength(1); // the late callers do not send their own
    s.asked[0]!.answer();
    expect(await early).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(s.asked).toHaveLength(2); // one more, shared by both late callers
    s.asked[1]!.answer();
    expect(await Promise.all([late1, late2])).toEqual([1, 1]);
    expect(p.last).toBe(1);
  });

  it('a failed request fails its callers; the next caller asks again', async () => {
    let fail = true;
    const p = new StreamPosition(async () => {
      if (fail) throw new Error('no server');
      return 7;
    });
    await expect(p.fresh()).rejects.toThrow('no server');
    expect(p.last).toBe(0);
    fail = false;
    expect(await p.fresh()).toBe(7);
  });

  it('last never goes back when answers arrive out of order', async () => {
    const answers = [5, 3];
    const p = new StreamPosition(async () => answers.shift()!);
    await p.fresh();
    await p.fresh();
    expect(p.last).toBe(5);
  });
});
