import { describe, expect, it } from 'vitest';
import { packTexts, type TextColumns } from '../../../../src-main/core/vocabulary/tag-texts';
import { runToEnd } from '../../../../src-main/core/vocabulary/tag-index';
import { tagKey } from '../../../../src-main/core/vocabulary/tag-key';

/** columns for entries given as [name, ...aliases] */
function columnsOf(entries: string[][]): TextColumns {
  return {
    names: entries.map(([name]) => name!),
    keys: entries.map(([name]) => tagKey(name!)),
    aliases: entries.map(([, ...aliases]) => aliases),
    aliasKeys: entries.map(([, ...aliases]) => aliases.map(tagKey)),
  };
}

describe('packTexts', () => {
  it('gives back every key, alias and spelling, across pieces, in and out of Latin-1', () => {
    // more entries than one piece holds, with the odd one written otherwise than as its key or outside Latin-1
    const entries = Array.from({ length: 10_000 }, (_, i) => {
      if (i % 997 === 0) return [`Tag Number ${i}`, `Alias ${i}`, `alias_two_${i}`];
      if (i % 1009 === 0) return [`東方_${i}`, `touhou_${i}`];
      return i % 3 === 0 ? [`tag_${i}`, `other_${i}`] : [`tag_${i}`];
    });
    const columns = columnsOf(entries);
    const texts = runToEnd(packTexts(entries.length, columns));
    expect(texts.size).toBe(entries.length);
    entries.forEach(([name, ...aliases], id) => {
      expect(texts.key(id)).toBe(columns.keys[id]);
      expect(texts.spelling(id)).toBe(name);
      expect(texts.aliasCount(id)).toBe(aliases.length);
      expect(texts.aliasKeys(id)).toEqual(columns.aliasKeys[id]);
      aliases.forEach((alias, a) => expect(texts.spelling(id, a)).toBe(alias));
      expect(texts.keyIs(id, columns.keys[id]!)).toBe(true);
    });
    expect(texts.key(997)).toBe('tag_number_997');
    expect(texts.spelling(997, 0)).toBe('Alias 997');
    expect(texts.key(997, 0)).toBe('alias_997');
  });

  it('compares a key in place, never a prefix or a longer key', () => {
    const texts = runToEnd(packTexts(3, columnsOf([['long_hair'], ['long'], ['hair', 'long_hair_alias']])));
    expect(texts.keyIs(0, 'long_hair')).toBe(true);
    expect(texts.keyIs(0, 'long')).toBe(false);
    expect(texts.keyIs(1, 'long_hair')).toBe(false);
    expect(texts.keyIs(2, 'hair')).toBe(true);
    expect(texts.keyIs(2, 'hair\nlong')).toBe(false);
  });

  it('answers starts-with at an offset within one key, never across the next', () => {
    const texts = runToEnd(packTexts(2, columnsOf([['blue_eyes', 'aoi_me'], ['eyes']])));
    expect(texts.startsWithAt(0, -1, 5, 'eyes')).toBe(true);
    expect(texts.startsWithAt(0, 0, 4, 'me')).toBe(true);
    expect(texts.startsWithAt(0, 0, 4, 'mee')).toBe(false);
    expect(texts.startsWithAt(0, -1, 5, 'eyesa')).toBe(false);
  });

  it('packs nothing into an index with no entries', () => {
    const texts = runToEnd(packTexts(0, columnsOf([])));
    expect(texts.size).toBe(0);
  });
});
