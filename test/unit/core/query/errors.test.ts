import { describe, expect, it } from 'vitest';
import { compileQuery, filterImages } from '../../../../src-main/core/query';
import { indexed } from './dataset';

/** query, the range to underline, and a fragment of the message */
const bad: [query: string, start: number, end: number, message: RegExp][] = [
  ['foo:bar', 0, 4, /Unknown field "foo:".*tag: tags: caption: name: path: status:.*quotes/],
  ['tag:mychar rating:explicit', 11, 18, /Unknown field "rating:"/],
  ['😀 foo:x', 3, 7, /Unknown field/], // ranges count UTF-16 units, as the text box does
  ['"long hair', 0, 10, /Unclosed quote/],
  ['tag:"long', 4, 9, /Unclosed quote/],
  ['(tag:hat', 0, 1, /Unclosed "\("/],
  ['((a) b', 0, 1, /Unclosed "\("/],
  ['tag:hat)', 7, 8, /Unmatched "\)"/],
  [') a', 0, 1, /Unmatched "\)"/],
  ['a AND', 2, 5, /^AND needs a term after it/],
  ['a and', 2, 5, /^AND needs a term after it/],
  ['OR a', 0, 2, /^OR needs a term before it/],
  ['a OR OR b', 2, 4, /^OR needs a term after it/],
  ['NOT', 0, 3, /^NOT needs a term after it/],
  ['a NOT', 2, 5, /^NOT needs a term after it/],
  ['a AND )', 2, 5, /^AND needs a term after it/],
  ['tag:hat AND (OR x)', 13, 15, /^OR needs a term before it/],
  ['-', 0, 1, /"-" must be followed directly by a term/],
  ['a - b', 2, 3, /"-" must be followed directly by a term/],
  ['-)', 0, 1, /^"-" needs a term after it/],
  ['()', 0, 2, /Empty parentheses/],
  ['a ( ) b', 2, 5, /Empty parentheses/],
  ['tags:abc', 5, 8, /tags: takes a tag count/],
  ['tags:>', 5, 6, /tags: takes a tag count/],
  ['tags:=-1', 5, 8, /tags: takes a tag count/],
  ['tags:5x', 5, 7, /tags: takes a tag count/],
  ['tags:', 0, 5, /tags: needs a value/],
  ['tag:', 0, 4, /tag: needs a value/],
  ['name: x', 0, 5, /name: needs a value/],
  ['tag:""', 0, 6, /tag: needs a value/],
  ['""', 0, 2, /Empty quotes/],
  ['status:done', 7, 11, /Unknown status "done": use todo, tagged or skip/],
  [`${'('.repeat(65)}a${')'.repeat(65)}`, 64, 65, /Too many nested parentheses/],
];

describe('compileQuery: bad queries', () => {
  it.each(bad)('%s', (query, start, end, message) => {
    const result = compileQuery(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({ message: expect.stringMatching(message), start, end });
  });

  it('filterImages passes the error through', () => {
    expect(filterImages(indexed, 'tag:hat OR')).toEqual({
      ok: false,
      error: { message: 'OR needs a term after it', start: 8, end: 10 },
    });
  });

  it('64 levels of parentheses are still fine', () => {
    const query = `${'('.repeat(64)}tag:hat${')'.repeat(64)}`;
    expect(compileQuery(query).ok).toBe(true);
  });

  it('a long flat run of terms compiles without deep recursion', () => {
    const query = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? '-tag:x' : 'OR tag:y')).join(' ').slice(3);
    expect(compileQuery(query).ok).toBe(true);
  });
});
