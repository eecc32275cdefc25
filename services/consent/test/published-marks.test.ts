import { describe, expect, it } from 'vitest';
import { emptyPicture, type Picture } from '../src/family/picture.js';
import { PublishedMarks } from '../src/published-marks.js';

const picture = (alerts: Picture['alerts']): Picture => ({ ...emptyPicture('sys_a'), alerts });
const state = (version: number, published: number) => ({ version, contentSha256: 'x', published });

describe('published marks (sent versions the next picture write stores)', () => {
  it('raise `published` to the version sent, never above the picture’s version, and leave other regions alone', () => {
    const marks = new PublishedMarks();
    marks.add('sys_a', 'foodvalley', 3);
    marks.add('sys_a', 'foodvalley', 2); // an older one changes nothing
    const p = picture({ foodvalley: state(3, 1), twente: state(2, 1) });
    const out = marks.apply(p);
    expect(out.alerts).toEqual({ foodvalley: state(3, 3), twente: state(2, 1) });
    expect(marks.sent('sys_a', 'foodvalley', 3)).toBe(true);
    expect(marks.sent('sys_a', 'foodvalley', 4)).toBe(false);
    expect(marks.apply(picture({ foodvalley: state(2, 1) })).alerts['foodvalley']).toEqual(state(2, 2)); // a stale read: capped
  });

  it('returns the same picture when nothing is raised (no write is needed for it)', () => {
    const marks = new PublishedMarks();
    const p = picture({ foodvalley: state(3, 3) });
    expect(marks.apply(p)).toBe(p);
    marks.add('sys_a', 'foodvalley', 3);
    expect(marks.apply(p)).toBe(p);
  });

  it('are forgotten once a stored picture carries them, or the system was merged away', () => {
    const marks = new PublishedMarks();
    marks.add('sys_a', 'foodvalley', 3, 1_000);
    marks.settle(picture({ foodvalley: state(4, 2) }));
    expect(marks.systems()).toEqual(['sys_a']); // not yet stored
    marks.settle(picture({ foodvalley: state(4, 3) }));
    expect(marks.systems()).toEqual([]);
    marks.add('sys_a', 'foodvalley', 5, 2_000);
    marks.settle({ ...picture({}), mergedInto: 'sys_b' });
    expect(marks.systems()).toEqual([]);
  });

  it('name the systems with marks made before a time (younger ones may still ride on a write)', () => {
    const marks = new PublishedMarks();
    marks.add('sys_a', 'foodvalley', 1, 1_000);
    marks.add('sys_b', 'foodvalley', 1, 5_000);
    marks.add('sys_a', 'twente', 1, 6_000); // sys_a's oldest mark still counts
    expect(marks.systems(2_000)).toEqual(['sys_a']);
    expect(marks.systems().sort()).toEqual(['sys_a', 'sys_b']);
  });

  it('beyond `keep` systems, also name the oldest ones, so memory stays bounded', () => {
    const marks = new PublishedMarks();
    for (let i = 0; i < 5; i++) marks.add(`sys_${i}`, 'foodvalley', 1, 1_000 * (i + 1));
    expect(marks.systems(0, 5)).toEqual([]);
    expect(marks.systems(0, 3)).toEqual(['sys_0', 'sys_1']); // the two oldest
    expect(marks.systems(3_000, 4)).toEqual(['sys_0', 'sys_1', 'sys_2']); // by age, or beyond the cap
    marks.settle({ ...picture({ foodvalley: state(1, 1) }), systemId: 'sys_0' });
    expect(marks.systems(0, 3)).toEqual(['sys_1']);
  });

  it('give up the longest-waiting system beyond `max`, and count it', () => {
    const marks = new PublishedMarks(3);
    for (let i = 0; i < 5; i++) marks.add(`sys_${i}`, 'foodvalley', 1, 1_000 * (i + 1));
    marks.add('sys_2', 'twente', 1, 9_000); // a system already waiting keeps its place
    expect(marks.systems()).toEqual(['sys_2', 'sys_3', 'sys_4']);
    expect(marks.dropped).toBe(2);
    expect(marks.sent('sys_0', 'foodvalley', 1)).toBe(false);
  });
});

