import { describe, expect, it } from 'vitest';
import { bareStack } from '@samenhang/testkit';
import { openFilteredReader, type ReadMessage } from '@samenhang/nats';
import { STREAMS, subjects } from '@samenhang/topology';
import { waitUntil } from './helpers/until.js';

describe('a resuming filtered reader (receipts of an agency)', () => {
  it('replaces a consumer that disappeared, going on after the last message it handed out: no gap, no repeat', async () => {
    const { t, js } = await bareStack();
    try {
      const ede = await t.connect('lokaalteam-ede');
      const subject = subjects.receipts('lokaalteam-ede');
      await js.publish(subject, new Uint8Array([0])); // before the reader: not delivered ('new')
      const reader = await openFilteredReader(ede, STREAMS.RECEIPTS, subject, { deliver: 'new', resume: true });
      const got: ReadMessage[] = [];
      const reading = (async () => {
        for await (const m of reader) got.push(m);
      })();
      for (let i = 1; i <= 5; i++) await js.publish(subject, new Uint8Array([i]));
      await waitUntil('five delivered', () => got.length === 5);
      const first = reader.name;

      // The consumer is gone, as with the node it lived on; messages keep coming meanwhile.
      await (await (await t.connect('broker-admin')).jetstreamManager()).consumers.delete(STREAMS.RECEIPTS, first);
      for (let i = 6; i <= 10; i++) await js.publish(subject, new Uint8Array([i]));
      // Heartbeats stop: within 12.5 s (and a heartbeat interval) a new consumer takes over.
      await waitUntil('the rest delivered by a new consumer', () => got.length >= 10, 25_000);
      expect(reader.name).not.toBe(first);
      expect(got.map((m) => m.data[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      // The stream sequence of each, as stored (the first message was sequence 1).
      expect(got.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      await reader.close();
      await reading;
    } finally {
      await t.close();
    }
  }, 60_000);
});
