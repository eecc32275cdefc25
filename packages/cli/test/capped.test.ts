import { describe, expect, it } from 'vitest';
import { SERVICE_NODE_OPTIONS } from '@samenhang/launcher';
import { cappedArgs } from '../src/capped.js';

describe('cappedArgs', () => {
  it("runs the same command line again under the services' heap cap, keeping node's own options", () => {
    expect(cappedArgs(['--enable-source-maps'], '/bin/samenhang.js', ['stats', '--json'])).toEqual([
      '--enable-source-maps',
      ...SERVICE_NODE_OPTIONS,
      '/bin/samenhang.js',
      'stats',
      '--json',
    ]);
    expect(SERVICE_NODE_OPTIONS.some((o) => o.startsWith('--max-old-space-size='))).toBe(true);
  });

  it('runs nothing again when the process already has a cap on its command line', () => {
    expect(cappedArgs(['--max-old-space-size=160'], '/bin/samenhang.js', ['stats'])).toBeUndefined();
    expect(cappedArgs(['--max-old-space-size', '512'], '/bin/samenhang.js', ['stats'])).toBeUndefined();
  });
});
