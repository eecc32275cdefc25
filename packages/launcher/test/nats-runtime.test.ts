import { describe, expect, it } from 'vitest';
import { natsRuntimeEnv } from '../src/nats-runtime.js';

describe('natsRuntimeEnv', () => {
  it('runs Go code on one thread on two cores or fewer', () => {
    expect(natsRuntimeEnv({}, 1)).toEqual({ GOMAXPROCS: '1' });
    expect(natsRuntimeEnv({}, 2)).toEqual({ GOMAXPROCS: '1' });
  });

  it("leaves Go's default on larger machines", () => {
    expect(natsRuntimeEnv({}, 4)).toEqual({});
  });

  it("keeps the operator's GOMAXPROCS (inherited as it is)", () => {
    expect(natsRuntimeEnv({ GOMAXPROCS: '2' }, 2)).toEqual({});
  });
});
