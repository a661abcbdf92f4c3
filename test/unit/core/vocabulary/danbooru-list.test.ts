import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { SuggestIndex, type SuggestOptions } from '../../../../src-main/core/vocabulary/suggest-index';
import { danbooruListPath, parseTagList, type ParsedTagList } from '../../../../src-main/core/vocabulary/tag-list';
import { listFileSource } from '../../../../src-main/core/vocabulary/tag-source';

const options: SuggestOptions = { limit: 12, datasetCounts: new Map(), recent: [], underscoresToSpaces: false };

describe('the shipped Danbooru list', () => {
  let parsed: ParsedTagList;
  const index = new SuggestIndex();

  beforeAll(async () => {
    const bytes = await readFile(danbooruListPath());
    parsed = parseTagList(bytes.toString('utf8'), 'danbooru.csv');
    // as the app loads it: read a part at a time from its bytes
    await index.addList(listFileSource(bytes, 'danbooru.csv'), 'danbooru', async () => listFileSource(bytes, 'danbooru.csv'));
  });

  it('parses every one of its 140,782 rows', () => {
    expect(parsed.skipped).toBe(0);
    expect(parsed.tags).toHaveLength(140_782);
    expect(index.size).toBe(140_782);
    expect(index.tagsOf('danbooru')).toBe(140_782);
  });

  it('keeps quoted names and aliases intact', () => {
    const lazy = parsed.tags.find((t) => t.name === 'don\'t_say_"lazy"');
    expect(lazy).toEqual({ name: 'don\'t_say_"lazy"', category: 'general', postCount: 1076, aliases: ["don't_say_lazy"] });
    const oneGirl = parsed.tags.find((t) => t.name === '1girl');
    expect(oneGirl?.aliases).toEqual(['1girls', 'sole_female']);
  });

  it('suggests 1girl first for "1gi"', () => {
    expect(index.suggest('1gi', options)[0]).toEqual({ name: '1girl', category: 'general', count: 6008644, source: 'list' });
  });

  it('suggests hatsune_miku, a character, at the top for "hatsune"', () => {
    const top = index.suggest('hatsune', options).slice(0, 3);
    expect(top.find((s) => s.name === 'hatsune_miku')).toMatchObject({ category: 'character' });
  });

  it('finds long_hair first for "long ha" and breasts through the alias "boobs"', () => {
    expect(index.suggest('long ha', options)[0]?.name).toBe('long_hair');
    expect(index.suggest('boobs', options)[0]).toMatchObject({ name: 'breasts', aliasOf: 'boobs' });
  });

  it('fills the list from inside matches when starts run out', () => {
    const result = index.suggest('_miku', { ...options, limit: 5 });
    expect(result).toHaveLength(5);
    expect(result[0]?.name).toBe('hatsune_miku');
  });
});
