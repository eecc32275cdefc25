import { describe, expect, it } from 'vitest';
import { NewestAlerts } from '../src/newest-alerts.js';

describe('NewestAlerts', () => {
  it('keeps only versions newer than the newest seen, per system and region', () => {
    const n = new NewestAlerts();
    const seq = [
      { systemId: 'a', region: 'twente', version: 1 },
      { systemId: 'a', region: 'twente', version: 3 },
      { systemId: 'a', region: 'twente', version: 2 }, // stored late: older than what is shown
      { systemId: 'a', region: 'foodvalley', version: 2 }, // another region counts on its own
      { systemId: 'b', region: 'twente', version: 1 },
      { systemId: 'a', region: 'twente', version: 3 }, // the same version again
      { systemId: 'a', region: 'twente', version: 4 },
    ];
    expect(seq.map((a) => n.accept(a))).toEqual([true, true, false, true, true, false, true]);
  });
});
