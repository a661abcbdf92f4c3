import { describe, expect, it } from 'vitest';
import { SuggestIndex, type SuggestOptions } from '../../../../src-main/core/vocabulary/suggest-index';
import { INSIDE_SEARCH_PER_LIST } from '../../../../src-main/core/vocabulary/tag-index';
import { parseTagList, type ListTag } from '../../../../src-main/core/vocabulary/tag-list';
import { listFileSource, tagsSource } from '../../../../src-main/core/vocabulary/tag-source';

const FIXTURE = [
  '1girl,0,6008644,"1girls,sole_female"',
  'highres,5,5256195,"high_res,hires"',
  'long_hair,0,4350743,"longhair,/lh"',
  'breasts,0,3439214,"boobs,oppai"',
  'long_sleeves,0,1400000,',
  'hair_ornament,0,1000000,hair_decoration',
  'very_long_hair,0,952244,',
  'blue_archive,3,500000,',
  'hatsune_miku,4,106634,/hm',
  'chair,0,50000,',
  '^_^,0,9000,',
  'wlop,1,3000,',
].join('\n');

/** adds a list as the app does: read from its bytes for its first build, and again for any later one */
const addText = (index: SuggestIndex, text: string, source: string): Promise<void> =>
  index.addList(listFileSource(Buffer.from(text), source), source, async () => listFileSource(Buffer.from(text), source));

async function fixtureIndex(): Promise<SuggestIndex> {
  const index = new SuggestIndex();
  await addText(index, FIXTURE, 'danbooru');
  return index;
}

const options = (over: Partial<SuggestOptions> = {}): SuggestOptions => ({
  limit: 20,
  datasetCounts: new Map(),
  recent: [],
  underscoresToSpaces: false,
  ...over,
});

const names = (index: SuggestIndex, query: string, over: Partial<SuggestOptions> = {}): string[] =>
  index.suggest(query, options(over)).map((s) => s.name);

describe('SuggestIndex ranking', () => {
  it('puts dataset tags first (by match, then count), then recent tags, then the list by post count', async () => {
    const index = await fixtureIndex();
    const result = index.suggest(
      'ha',
      options({
        datasetCounts: new Map([
          ['long hair', 5],
          ['chair', 9],
          ['hat', 2],
          ['unused', 0],
        ]),
        recent: ['hair_ornament', 'halo'],
      }),
    );
    expect(result).toEqual([
      { name: 'hat', category: 'unknown', count: 2, source: 'dataset' },
      { name: 'long hair', category: 'general', count: 5, source: 'dataset' },
      { name: 'chair', category: 'general', count: 9, source: 'dataset' },
      { name: 'hair_ornament', category: 'general', count: 1000000, source: 'recent' },
      { name: 'halo', category: 'unknown', count: 0, source: 'recent' },
      { name: 'hatsune_miku', category: 'character', count: 106634, source: 'list' },
      { name: 'very_long_hair', category: 'general', count: 952244, source: 'list' },
    ]);
  });

  it('orders dataset tags of the same match by count, and recent tags by recency', async () => {
    const index = await fixtureIndex();
    const result = index.suggest(
      'lo',
      options({
        datasetCounts: new Map([
          ['long_sleeves', 3],
          ['long_hair', 40],
        ]),
        recent: ['lollipop', 'lotus'],
      }),
    );
    expect(result.map((s) => [s.name, s.source])).toEqual([
      ['long_hair', 'dataset'],
      ['long_sleeves', 'dataset'],
      ['lollipop', 'recent'],
      ['lotus', 'recent'],
      ['very_long_hair', 'list'],
      ['wlop', 'list'],
    ]);
  });

  it('ranks list tags: start of tag, then start of a word, then inside, each by post count', async () => {
    const index = await fixtureIndex();
    expect(names(index, 'air')).toEqual(['long_hair', 'hair_ornament', 'very_long_hair', 'chair']);
    expect(names(index, 'hair')).toEqual(['hair_ornament', 'long_hair', 'very_long_hair', 'chair']);
  });

  it('never matches a single character inside a word', async () => {
    const index = await fixtureIndex();
    expect(names(index, 'a')).toEqual(['blue_archive']);
  });

  it('finds long_hair for "long ha": space and underscore are the same, case is ignored', async () => {
    const index = await fixtureIndex();
    expect(names(index, 'long ha')[0]).toBe('long_hair');
    expect(names(index, 'LONG_HA')[0]).toBe('long_hair');
    expect(names(index, 'long ')).toEqual(['long_hair', 'long_sleeves', 'very_long_hair']);
  });

  it('suggests the main tag for an alias, and says which alias matched', async () => {
    const index = await fixtureIndex();
    expect(index.suggest('oppa', options())).toEqual([
      { name: 'breasts', category: 'general', count: 3439214, source: 'list', aliasOf: 'oppai' },
    ]);
    expect(index.suggest('/h', options()).map((s) => [s.name, s.aliasOf])).toEqual([['hatsune_miku', '/hm']]);
    // the tag's own name wins over an alias when both match
    expect(index.suggest('hig', options())[0]).toEqual({
      name: 'highres',
      category: 'meta',
      count: 5256195,
      source: 'list',
    });
  });

  it('matches a dataset tag through its list aliases too', async () => {
    const index = await fixtureIndex();
    const result = index.suggest('boo', options({ datasetCounts: new Map([['breasts', 4]]) }));
    expect(result).toEqual([{ name: 'breasts', category: 'general', count: 4, source: 'dataset', aliasOf: 'boobs' }]);
  });

  it('shows a dataset tag written with spaces once, in the dataset spelling', async () => {
    const index = await fixtureIndex();
    const result = index.suggest(
      'long',
      options({ datasetCounts: new Map([['long hair', 7]]), recent: ['long_hair', 'Long Hair'] }),
    );
    expect(result.map((s) => [s.name, s.source, s.count])).toEqual([
      ['long hair', 'dataset', 7],
      ['long_sleeves', 'list', 1400000],
      ['very_long_hair', 'list', 952244],
    ]);
  });

  it('merges two dataset spellings of one tag into the more used one', async () => {
    const index = await fixtureIndex();
    const result = index.suggest('long h', options({ datasetCounts: new Map([['Long_Hair', 2], ['long hair', 30]]) }));
    expect(result.map((s) => s.name)).toEqual(['long hair', 'very_long_hair']);
  });

  it('inserts list tags with spaces only when asked; dataset and recent tags always as written', async () => {
    const index = await fixtureIndex();
    expect(names(index, 'long', { underscoresToSpaces: true })).toEqual(['long hair', 'long sleeves', 'very long hair']);
    expect(
      names(index, 'long', {
        underscoresToSpaces: true,
        datasetCounts: new Map([['long_sleeves', 1]]),
        recent: ['long_coat'],
      }),
    ).toEqual(['long_sleeves', 'long_coat', 'long hair', 'very long hair']);
    expect(names(index, '^', { underscoresToSpaces: true })).toEqual(['^_^']);
  });

  it('respects the limit and never repeats a tag', async () => {
    const index = await fixtureIndex();
    const result = index.suggest('h', options({ limit: 3, datasetCounts: new Map([['hat', 1]]), recent: ['hat', 'hood'] }));
    expect(result.map((s) => s.name)).toEqual(['hat', 'hood', 'highres']);
    for (const query of ['h', 'ha', 'air', 'long', 'l', 'o']) {
      const all = names(index, query, { recent: ['long_hair', 'hair_ornament'] });
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it('gives nothing for an empty query or a limit below one', async () => {
    const index = await fixtureIndex();
    expect(index.suggest('', options())).toEqual([]);
    expect(index.suggest('   ', options())).toEqual([]);
    expect(index.suggest('long', options({ limit: 0 }))).toEqual([]);
  });

  it('suggests dataset and recent tags before any list is loaded', () => {
    const index = new SuggestIndex();
    expect(
      index.suggest('ha', options({ datasetCounts: new Map([['hat', 3]]), recent: ['halo'] })).map((s) => s.name),
    ).toEqual(['hat', 'halo']);
  });
});

describe('SuggestIndex lists', () => {
  it('merges a user list with the Danbooru list: one suggestion per tag, the first list spelling it', async () => {
    const index = await fixtureIndex();
    await addText(index, 'Long Hair\nmy_style\nlong_hair\n', 'mine.txt');
    expect(index.sources()).toEqual(['danbooru', 'mine.txt']);
    const result = index.suggest('lon', options());
    expect(result.filter((s) => s.name.toLowerCase().replace(/ /g, '_') === 'long_hair')).toEqual([
      { name: 'long_hair', category: 'general', count: 4350743, source: 'list' },
    ]);
    expect(index.suggest('my', options())).toEqual([{ name: 'my_style', category: 'unknown', count: 0, source: 'list' }]);
  });

  it('adds a user list’s aliases and higher counts to a shared tag', async () => {
    const index = await fixtureIndex();
    await addText(index, 'wlop,0,9999999,"wang_ling"\n', 'mine.csv');
    expect(index.suggest('wang', options())).toEqual([
      { name: 'wlop', category: 'artist', count: 9999999, source: 'list', aliasOf: 'wang_ling' },
    ]);
  });

  it('removes a list and replaces a list added again under its source', async () => {
    const index = await fixtureIndex();
    await addText(index, 'my_style\n', 'mine.txt');
    await addText(index, 'my_other_style\n', 'mine.txt');
    expect(names(index, 'my')).toEqual(['my_other_style']);
    expect(await index.removeList('mine.txt')).toBe(true);
    expect(await index.removeList('mine.txt')).toBe(false);
    expect(names(index, 'my')).toEqual([]);
    expect(index.sources()).toEqual(['danbooru']);
  });

  it('sees a dataset tag’s aliases once a list that has them is loaded', async () => {
    const index = new SuggestIndex();
    const datasetCounts = new Map([['breasts', 4]]);
    expect(index.suggest('boo', options({ datasetCounts }))).toEqual([]);
    await addText(index, FIXTURE, 'danbooru');
    expect(index.suggest('boo', options({ datasetCounts }))[0]).toMatchObject({ name: 'breasts', aliasOf: 'boobs' });
    await index.removeList('danbooru');
    expect(index.suggest('boo', options({ datasetCounts }))).toEqual([]);
  });

  it('searches inside only each list’s most used tags, and still finds the rest by their start', async () => {
    const big: ListTag[] = Array.from({ length: INSIDE_SEARCH_PER_LIST + 2 }, (_, i) => ({
      name: `tag_${i}_zq`,
      category: 'general',
      postCount: INSIDE_SEARCH_PER_LIST + 2 - i,
      aliases: [],
    }));
    big.push({ name: 'rare_xylophone', category: 'general', postCount: 0, aliases: [] });
    const index = new SuggestIndex();
    await index.addList(tagsSource(big), 'big', async () => tagsSource(big));
    const mine: ListTag[] = [{ name: 'my_xylophone', category: 'unknown', postCount: 0, aliases: [] }];
    await index.addList(tagsSource(mine), 'mine', async () => tagsSource(mine));
    expect(names(index, 'ylophone')).toEqual(['my_xylophone']);
    expect(names(index, 'rare_xy')).toEqual(['rare_xylophone']);
    expect(names(index, 'xylophone')).toEqual(['rare_xylophone', 'my_xylophone']);
  });

  it('matches aliases written as keys and aliases that are not, naming each as the list writes it', async () => {
    const index = new SuggestIndex();
    await addText(index, 'wlop,1,3000,"wang_ling,Wang Ling Art"\nchair,0,50000,"seat"\n', 'mine.csv');
    expect(index.suggest('wang_ling_a', options())).toEqual([
      { name: 'wlop', category: 'artist', count: 3000, source: 'list', aliasOf: 'Wang Ling Art' },
    ]);
    expect(index.suggest('wang', options())[0]).toMatchObject({ name: 'wlop', aliasOf: 'wang_ling' });
    expect(index.suggest('sea', options())[0]).toMatchObject({ name: 'chair', aliasOf: 'seat' });
  });

  it('keeps no copy of a list: a rebuild reads it again', async () => {
    const index = new SuggestIndex();
    const given = parseTagList('my_style\nmy_other_style\n', 'mine.txt').tags;
    await index.addList(tagsSource(given), 'mine.txt', async () => tagsSource(parseTagList('my_style\n', 'mine.txt').tags));
    expect(names(index, 'my')).toEqual(['my_style', 'my_other_style']);
    // what the caller handed over may be reused; the rebuild for another list reads the source again
    given.length = 0;
    await addText(index, 'other_style\n', 'other.txt');
    expect(names(index, 'my')).toEqual(['my_style']);
    expect(names(index, 'oth')).toEqual(['other_style']);
  });

  it('drops a list that cannot be read again, and keeps the others', async () => {
    const index = await fixtureIndex();
    const mine = parseTagList('my_style\n', 'mine.txt').tags;
    await index.addList(tagsSource(mine), 'mine.txt', async () => null);
    expect(names(index, 'my')).toEqual(['my_style']);
    await addText(index, 'other_style\n', 'other.txt');
    expect(names(index, 'my')).toEqual([]);
    expect(names(index, 'oth')).toEqual(['other_style']);
    expect(names(index, 'long_h')).toContain('long_hair');
  });

  it('keeps answering from the previous index until a rebuild is complete', async () => {
    const index = await fixtureIndex();
    const adding = addText(index, 'my_style\n', 'mine.txt');
    expect(names(index, 'my')).toEqual([]);
    await adding;
    expect(names(index, 'my')).toEqual(['my_style']);
  });

  it('settles overlapping changes in the order they were made', async () => {
    const index = await fixtureIndex();
    const add = addText(index, 'my_style\n', 'mine.txt');
    const remove = index.removeList('mine.txt');
    const addOther = addText(index, 'other_style\n', 'other.txt');
    await Promise.all([add, remove, addOther]);
    expect(index.sources()).toEqual(['danbooru', 'other.txt']);
    expect(names(index, 'my')).toEqual([]);
    expect(names(index, 'oth')).toEqual(['other_style']);
    expect(index.size).toBe(13);
  });

  it('counts the tags each list gave, and stops a build under way when the app closes', async () => {
    const index = await fixtureIndex();
    expect(index.tagsOf('danbooru')).toBe(parseTagList(FIXTURE, 'danbooru').tags.length);
    const big = Array.from({ length: 50_000 }, (_, i) => `big_${i},0,${i},`).join('\n');
    const adding = addText(index, big, 'big.csv');
    index.stop();
    // it settles, and suggestions stay those of the index before it
    await adding;
    expect(index.tagsOf('big.csv')).toBe(0);
    expect(names(index, 'big_')).toEqual([]);
    expect(names(index, 'long_h')).toContain('long_hair');
  });
});
