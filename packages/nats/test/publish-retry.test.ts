import { describe, expect, it } from 'vitest';
import type { JetStreamClient, PubAck } from 'nats';
import { publishRetrying } from '../src/publish-retry.js';

const natsError = (code: string) => Object.assign(new Error(code), { name: 'NatsError', code });
const ack = (duplicate = false): PubAck =>
  ({ stream: 'INGRESS', seq: 7, duplicate, domain: '', ack: () => undefined }) as unknown as PubAck;

/** A JetStream client whose publishes answer from `script` in turn, recording each try's message id. */
function scripted(script: (() => PubAck)[]): { js: JetStreamClient; ids: (string | undefined)[] } {
  const ids: (string | undefined)[] = [];
  const js = {
    async publish(_subject: string, _data: Uint8Array, o?: { msgID?: string }) {
      ids.push(o?.msgID);
      return script[Math.min(ids.length - 1, script.length - 1)]!();
    },
  } as unknown as JetStreamClient;
  return { js, ids };
}

describe('publishRetrying: a publish that rides through a node or leader being replaced', () => {
  it('tries again on 503, timeouts and a lost connection, with the same message id every time', async () => {
    const { js, ids } = scripted([
      () => {
        throw natsError('503');
      },
      () => {
        throw natsError('TIMEOUT');
      },
      () => {
        throw natsError('DISCONNECT');
      },
      () => ack(true),
    ]);
    const a = await publishRetrying(js, 'samenhang.ingress.x', new Uint8Array([1]), {
      msgID: 'abc',
      deadline: Date.now() + 10_000,
    });
    expect(a.duplicate).toBe(true); // a lost acknowledgement's copy was kept: JetStream says so
    expect(ids).toEqual(['abc', 'abc', 'abc', 'abc']);
  });

  it('throws anything else at once: a permission or payload error does not pass by trying again', async () => {
    const { js, ids } = scripted([
      () => {
        throw natsError('PERMISSIONS_VIOLATION');
      },
    ]);
    await expect(
      publishRetrying(js, 's', new Uint8Array(), { msgID: 'abc', deadline: Date.now() + 10_000 }),
    ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    expect(ids).toHaveLength(1);
  });

  it('retries JetStream "temporarily unavailable" answers (10008, 10009)', async () => {
    const unavailable = Object.assign(new Error('JetStream system temporarily unavailable'), {
      name: 'NatsError',
      code: '503',
      api_error: { err_code: 10008 },
    });
    const { js, ids } = scripted([
      () => {
        throw unavailable;
      },
      () => ack(),
    ]);
    await publishRetrying(js, 's', new Uint8Array(), { msgID: 'abc', deadline: Date.now() + 10_000 });
    expect(ids).toHaveLength(2);
  });

  it('gives up with the last error at the deadline, or when told no try can succeed', async () => {
    const { js } = scripted([
      () => {
        throw natsError('503');
      },
    ]);
    const t0 = Date.now();
    await expect(
      publishRetrying(js, 's', new Uint8Array(), { msgID: 'abc', deadline: t0 + 600 }),
    ).rejects.toMatchObject({ code: '503' });
    expect(Date.now() - t0).toBeLessThan(1500);
    const closed = scripted([
      () => {
        throw natsError('CONNECTION_CLOSED');
      },
    ]);
    await expect(
      publishRetrying(closed.js, 's', new Uint8Array(), {
        msgID: 'abc',
        deadline: Date.now() + 10_000,
        gaveUp: () => true,
      }),
    ).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(closed.ids).toHaveLength(1);
  });
});
