import { describe, expect, it } from 'vitest';
import { deriveSystems, emptyPicture, signalsAbout, withEntry, withErasure } from '../src/index.js';
import { entry } from './entries.js';

describe('erasing a person from a picture', () => {
  const picture = [
    entry('s1', 'politie-oost-nederland', 'POLICE'),
    entry('s2', 'ggz-centraal', 'MENTAL_HEALTH', { subjectPseudonym: 'p_f', householdKey: 'h_2' }),
    entry('s3', 'ggz-centraal', 'MENTAL_HEALTH', {
      subjectPseudonym: 'p_c',
      householdKey: 'h_3',
      related: [
        { pseudonym: 'p_m', relation: 1 },
        { pseudonym: 'p_f', relation: 1 },
      ],
    }),
  ].reduce(withEntry, emptyPicture('sys_a'));

  it("takes out their signals for good and the links others' signals made to them; the others stay", () => {
    expect(signalsAbout(picture, 'p_m')).toEqual(['politie-oost-nederland.s1']);
    const after = withErasure(picture, 'p_m')!;
    expect(Object.keys(after.entries).sort()).toEqual(['ggz-centraal.s2', 'ggz-centraal.s3']);
    expect(after.withdrawn).toContain('politie-oost-nederland.s1');
    expect(after.entries['ggz-centraal.s3']!.related).toEqual([{ pseudonym: 'p_f', relation: 1 }]);
    expect(after.persons).not.toContain('p_m');
    const persons = deriveSystems(after, 8).flatMap((s) => s.persons);
    expect(persons.sort()).toEqual(['p_c', 'p_f']);
    expect(withEntry(after, picture.entries['politie-oost-nederland.s1']!)).toBe(after); // a redelivery stays out
  });
  it('changes nothing when nothing of the person is left', () => {
    expect(withErasure(withErasure(picture, 'p_m')!, 'p_m')).toBeUndefined();
  });
});
