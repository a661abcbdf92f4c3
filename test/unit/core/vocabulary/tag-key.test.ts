import { describe, expect, it } from 'vitest';
import {
  MatchRank,
  insertionText,
  matchRank,
  queryKey,
  tagKey,
  isWordStart,
} from '../../../../src-main/core/vocabulary/tag-key';

describe('tagKey and queryKey', () => {
  it('treats case, space and underscore as the same', () => {
    expect(tagKey('Long Hair')).toBe('long_hair');
    expect(tagKey('long_hair')).toBe('long_hair');
    expect(tagKey('  long hair ')).toBe('long_hair');
    expect(tagKey('Pokémon')).toBe('pokémon');
  });

  it('drops control characters, so a key never holds a line break', () => {
    expect(tagKey('a\tb\nc')).toBe('abc');
  });

  it('keeps a trailing space in a query: the user typed a word break', () => {
    expect(queryKey('  Long ')).toBe('long_');
    expect(queryKey('long ha')).toBe('long_ha');
  });
});

const wordStarts = (key: string): number[] =>
  [...key].map((_, p) => p).filter((p) => p > 0 && isWordStart(key, p));

describe('isWordStart', () => {
  it('finds words after _, - and (', () => {
    expect(wordStarts('hatsune_miku_(cosplay)')).toEqual([8, 14]);
    expect(wordStarts('low-tied_long_hair')).toEqual([4, 9, 14]);
    expect(wordStarts('1girl')).toEqual([]);
  });
});

describe('matchRank', () => {
  it('ranks start, then word start, then inside', () => {
    expect(matchRank('long_hair', 'long')).toBe(MatchRank.start);
    expect(matchRank('very_long_hair', 'long')).toBe(MatchRank.word);
    expect(matchRank('hatsune_miku_(cosplay)', 'cos')).toBe(MatchRank.word);
    expect(matchRank('chair', 'air')).toBe(MatchRank.inside);
    expect(matchRank('chair', 'xyz')).toBe(MatchRank.none);
  });

  it('finds a word start after an earlier inside match', () => {
    expect(matchRank('chair_hair', 'hair')).toBe(MatchRank.word);
  });

  it('never matches one character inside a word', () => {
    expect(matchRank('chair', 'a')).toBe(MatchRank.none);
    expect(matchRank('blue_archive', 'a')).toBe(MatchRank.word);
  });
});

describe('insertionText', () => {
  it('writes underscores as spaces only when asked', () => {
    expect(insertionText('long_hair', false)).toBe('long_hair');
    expect(insertionText('long_hair', true)).toBe('long hair');
    expect(insertionText('hatsune_miku_(cosplay)', true)).toBe('hatsune miku (cosplay)');
  });

  it('keeps the underscore that is part of an emoticon', () => {
    for (const face of ['^_^', 'o_o', '>_<', '0_0', 'x_x', '(o)_(o)', '||_||']) {
      expect(insertionText(face, true)).toBe(face);
    }
  });
});
