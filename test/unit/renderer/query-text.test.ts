import { describe, expect, it } from 'vitest';
import { filterCountText, markRange, tagQuery } from '../../../src-renderer/logic/query-text';

describe('query text in the renderer', () => {
  it('quotes a tag for the filter, escaping quotes, backslashes and wildcards', () => {
    expect(tagQuery('long hair')).toBe('tag:"long hair"');
    expect(tagQuery('say "hi"')).toBe('tag:"say \\"hi\\""');
    expect(tagQuery('?_?')).toBe('tag:"\\?_\\?"');
    expect(tagQuery('a*b\\c')).toBe('tag:"a\\*b\\\\c"');
  });

  it('splits the query around an error range', () => {
    expect(markRange('tag:a AND', 6, 9)).toEqual({ before: 'tag:a ', marked: 'AND', after: '' });
    expect(markRange('(a', 0, 1)).toEqual({ before: '', marked: '(', after: 'a' });
  });

  it('marks one character, or a space past the end, for an empty range', () => {
    expect(markRange('abc', 1, 1)).toEqual({ before: 'a', marked: 'b', after: 'c' });
    expect(markRange('"abc', 4, 4)).toEqual({ before: '"abc', marked: ' ', after: '' });
  });

  it('never throws on a range outside the text', () => {
    expect(markRange('ab', -5, 99)).toEqual({ before: '', marked: 'ab', after: '' });
    expect(markRange('ab', 7, 3)).toEqual({ before: 'ab', marked: ' ', after: '' });
    expect(markRange('', 0, 0)).toEqual({ before: '', marked: ' ', after: '' });
  });

  it('counts "120 of 4,000 images"', () => {
    expect(filterCountText(120, 4000)).toBe('120 of 4,000 images');
    expect(filterCountText(null, 4000)).toBe('4,000 images');
    expect(filterCountText(null, 1)).toBe('1 image');
  });
});
