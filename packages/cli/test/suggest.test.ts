import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../src/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as one edit each', () => {
    expect(editDistance('alerts', 'alerts')).toBe(0);
    expect(editDistance('alert', 'alerts')).toBe(1);
    expect(editDistance('allerts', 'alerts')).toBe(1);
    expect(editDistance('alerst', 'alerts')).toBe(1);
    expect(editDistance('aletrs', 'alerts')).toBe(1); // "tr" for "rt"
    expect(editDistance('publsih', 'publish')).toBe(1);
    expect(editDistance('', 'up')).toBe(2);
    expect(editDistance('ca', 'abc')).toBe(3); // optimal string alignment: no edit of a transposed pair
  });
});

describe('suggest', () => {
  const commands = [
    'up',
    'health',
    'doctor',
    'certs',
    'publish',
    'consent',
    'alerts',
    'picture',
    'console',
    'audit',
    'replay',
    'bench',
    'help',
    'version',
  ];

  it('names the command a misspelling is closest to', () => {
    expect(suggest('aletrs', commands)).toEqual(['alerts']);
    expect(suggest('pubish', commands)).toEqual(['publish']);
    expect(suggest('Doctor', commands)).toEqual(['doctor']);
    expect(suggest('consle', commands)).toEqual(['console']);
  });

  it('suggests nothing farther than two edits, or for a word nearly all of which would change', () => {
    expect(suggest('fly', commands)).toEqual([]);
    expect(suggest('publication', commands)).toEqual([]);
    expect(suggest('xy', commands)).toEqual([]); // two edits from "up", but nothing of it is left
  });

  it('returns every candidate at the smallest distance, in their order', () => {
    expect(suggest('conset', ['consent', 'console', 'conseq'])).toEqual(['consent', 'conseq']);
  });

  it('words the hint for a message, or gives nothing', () => {
    expect(didYouMean('aletrs', commands)).toBe('; did you mean "alerts"?');
    expect(didYouMean('--agnecy', ['--agency', '--file'], (s) => s)).toBe('; did you mean --agency?');
    expect(didYouMean('fly', commands)).toBe('');
  });
});
