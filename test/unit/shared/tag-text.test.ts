import { describe, expect, it } from 'vitest';
import { TagTally, countTags, findDuplicate, joinTags, normalizeTag, parseTags, splitTagInput } from '../../../src-shared/tag-text';

describe('parseTags', () => {
  it.each([
    ['comma and space', '1girl, solo, long hair', ['1girl', 'solo', 'long hair']],
    ['commas without spaces', 'a,b', ['a', 'b']],
    ['one tag per line', 'a\nb\r\nc\n', ['a', 'b', 'c']],
    ['a single tag', 'solo', ['solo']],
    ['empty text', '', []],
    ['whitespace only', '  \n\t ', []],
    ['empty pieces between commas', 'a,, ,b,', ['a', 'b']],
    ['emoji', '😀, 🎨 art', ['😀', '🎨 art']],
    ['weights and brackets', '(masterpiece:1.2), [blue eyes], \\(artist\\)', ['(masterpiece:1.2)', '[blue eyes]', '\\(artist\\)']],
    ['underscores', 'tag_with_underscore, long_hair', ['tag_with_underscore', 'long_hair']],
    ['case', 'Mixed Case, UPPER', ['Mixed Case', 'UPPER']],
    ['CJK', '女の子, 猫', ['女の子', '猫']],
    ['inner double spaces kept', 'a  b, c', ['a  b', 'c']],
  ])('%s', (_name, text, tags) => {
    expect(parseTags(text)).toEqual(tags);
  });

  it('splits only on commas when there are commas, so a line break stays inside its tag', () => {
    expect(parseTags('a, b\nc, d')).toEqual(['a', 'b\nc', 'd']);
  });
});

describe('countTags', () => {
  it('counts exactly the tags parseTags finds, in every way a text can be split', () => {
    const texts = ['', ',', ' , ,', 'solo', 'a, b, a', ' a ,, ,b\n c ', 'one\r\ntwo\n\nthree', 'one\rtwo', '\n\r\n', 'a\u2028b', ' (x:1.2), \u3000y\u3000, a\r\nb, é'];
    // and many made of the pieces that decide a split: commas, each line break, each kind of white space
    const pieces = ['a', 'tag two', ',', '\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\u3000', '\ufeff', '\u2028', '猫', '🐈'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: next() % 9 }, () => pieces[next() % pieces.length]).join(''));
    for (const text of texts) expect([text, countTags(text)]).toEqual([text, parseTags(text).length]);
  });
});

describe('TagTally', () => {
  it('counts every tag parseTags finds, once per text however often it repeats', () => {
    const texts = ['a, b, a', ' a ,, ,b\n c ', 'one\r\ntwo\n\nthree', 'solo', '', ',', ' (x:1.2), \u3000y\u3000, a\r\nb, é'];
    const tally = new TagTally();
    const expected = new Map<string, number>();
    for (const text of texts) {
      tally.add(text);
      for (const tag of new Set(parseTags(text))) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    }
    const counts = new Map(tally.entries());
    expect(counts).toEqual(expected);
    expect(counts.get('a')).toBe(2); // 'a, b, a' counts once
  });

  it('trims each tag of every white space that trim() takes, and of nothing else', () => {
    // every character /\s/ matches, and near misses (NEL, zero-width space, Mongolian vowel separator) that stay in the tag
    const pieces = ['a', 'b c', ',', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u200b', '\u180e'];
    let seed = 7;
    const pick = () => pieces[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length]!;
    const tally = new TagTally();
    const expected = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 12 }, pick).join('');
      tally.add(text);
      for (const tag of new Set(parseTags(text))) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    }
    expect(new Map(tally.entries())).toEqual(expected);
    expect([...expected.keys()].some((tag) => tag.includes('\u0085'))).toBe(true);
  });
});

describe('joinTags', () => {
  it('joins with ", " by default and with a chosen separator', () => {
    expect(joinTags(['a', 'b_c', '(d:1.1)'])).toBe('a, b_c, (d:1.1)');
    expect(joinTags(['a', 'b'], ',')).toBe('a,b');
    expect(joinTags([])).toBe('');
  });

  it('gives back the same text it parsed from a ", "-joined caption', () => {
    const text = 'Mixed Case, tag_with_underscore, (masterpiece:1.2), 😀';
    expect(joinTags(parseTags(text))).toBe(text);
  });
});

describe('normalizeTag', () => {
  it('trims and collapses whitespace runs, nothing else', () => {
    expect(normalizeTag('  long   hair \t')).toBe('long hair');
    expect(normalizeTag('a\n b')).toBe('a b');
    expect(normalizeTag(' Tag_With_Underscore ')).toBe('Tag_With_Underscore');
    expect(normalizeTag('(masterpiece:1.2)')).toBe('(masterpiece:1.2)');
    expect(normalizeTag('   ')).toBe('');
  });
});

describe('splitTagInput', () => {
  it('splits typed input on commas', () => {
    expect(splitTagInput('a, b, c')).toEqual(['a', 'b', 'c']);
    expect(splitTagInput('a,b')).toEqual(['a', 'b']);
  });

  it('normalizes each tag and drops empties', () => {
    expect(splitTagInput('  long   hair ,, ,smile, ')).toEqual(['long hair', 'smile']);
    expect(splitTagInput('')).toEqual([]);
  });

  it('drops repeats within the input, first one wins', () => {
    expect(splitTagInput('a, b, a,  b , c')).toEqual(['a', 'b', 'c']);
  });

  it('keeps case: differently cased tags are different tags', () => {
    expect(splitTagInput('Smile, smile')).toEqual(['Smile', 'smile']);
  });

  it('treats a pasted one-tag-per-line list as several tags', () => {
    expect(splitTagInput('a\nb\r\nc')).toEqual(['a', 'b', 'c']);
  });
});

describe('findDuplicate', () => {
  it('returns null when every tag is distinct', () => {
    expect(findDuplicate(['a', 'b', 'A'])).toBeNull();
    expect(findDuplicate([])).toBeNull();
  });

  it('returns the first tag that appears a second time', () => {
    expect(findDuplicate(['a', 'b', 'c', 'b', 'a'])).toBe('b');
  });

  it('compares after normalizing whitespace', () => {
    expect(findDuplicate(['long hair', ' long   hair '])).toBe('long hair');
  });
});
