import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  categoryFromCode,
  danbooruListPath,
  parseTagList,
} from '../../../../src-main/core/vocabulary/tag-list';

describe('parseTagList: tagcomplete CSV', () => {
  it('reads name, category, post count and quoted aliases', () => {
    const { tags, skipped } = parseTagList(
      '1girl,0,6008644,"1girls,sole_female"\nhatsune_miku,4,106634,/hm\nskirt,0,1557883,\n',
      'danbooru.csv',
    );
    expect(skipped).toBe(0);
    expect(tags).toEqual([
      { name: '1girl', category: 'general', postCount: 6008644, aliases: ['1girls', 'sole_female'] },
      { name: 'hatsune_miku', category: 'character', postCount: 106634, aliases: ['/hm'] },
      { name: 'skirt', category: 'general', postCount: 1557883, aliases: [] },
    ]);
  });

  it('maps every Danbooru type number, and unknown numbers to unknown', () => {
    const text = ['g,0,1', 'a,1,1', 'c,3,1', 'ch,4,1', 'm,5,1', 'two,2,1', 'e621_species,9,1'].join('\n');
    expect(parseTagList(text, 'x.csv').tags.map((t) => t.category)).toEqual([
      'general',
      'artist',
      'copyright',
      'character',
      'meta',
      'unknown',
      'unknown',
    ]);
    expect(categoryFromCode(4)).toBe('character');
  });

  it('accepts a missing alias column, CRLF, lone CR, blank lines and a BOM', () => {
    const text = '\uFEFFlong_hair,0,10,"longhair,/lh"\r\n\r\nskirt,0,5\r\n   \nsolo,0,3\rsmile,0,2\n';
    const { tags, skipped } = parseTagList(text, 'list.csv');
    expect(skipped).toBe(0);
    expect(tags.map((t) => t.name)).toEqual(['long_hair', 'skirt', 'solo', 'smile']);
    expect(tags[0]!.aliases).toEqual(['longhair', '/lh']);
    expect(tags[1]!.aliases).toEqual([]);
  });

  it('reads doubled quotes inside quoted names and aliases', () => {
    const { tags } = parseTagList(
      '"hime-sama_""goumon""_no_jikan_desu",3,154,"\'tis_time_for_""torture""_princess"\n',
      'danbooru.csv',
    );
    expect(tags[0]).toEqual({
      name: 'hime-sama_"goumon"_no_jikan_desu',
      category: 'copyright',
      postCount: 154,
      aliases: ['\'tis_time_for_"torture"_princess'],
    });
  });

  it('takes an alias column written without quotes as aliases, trimmed, without the name or repeats', () => {
    const { tags } = parseTagList('breasts,0,9,boobs, oppai ,breasts,boobs\n', 'x.csv');
    expect(tags[0]!.aliases).toEqual(['boobs', 'oppai']);
  });

  it('skips and counts bad lines, never throws', () => {
    const text = [
      'name,type,count,aliases', // a header
      'long_hair,0,10',
      'broken,"0,10', // quote never closes
      'nocount,0,', // empty count
      'negative,-1,5',
      'float,0,1.5',
      ',0,5', // no name
      'onlyname',
      'skirt,0,5',
      '"a"b,0,1', // text after a closing quote
    ].join('\n');
    const { tags, skipped } = parseTagList(text, 'x.csv');
    expect(tags.map((t) => t.name)).toEqual(['long_hair', 'skirt']);
    expect(skipped).toBe(8);
  });

  it('takes a file with a header and a few bad lines for CSV even without .csv', () => {
    const text = 'name,type,count\nlong_hair,0,10\nskirt,0,5\n';
    const { tags, skipped } = parseTagList(text, 'my-tags.txt');
    expect(tags.map((t) => [t.name, t.postCount])).toEqual([
      ['long_hair', 10],
      ['skirt', 5],
    ]);
    expect(skipped).toBe(1);
  });
});

describe('parseTagList: plain lists', () => {
  it('reads one tag per line as unknown with no post count', () => {
    const { tags, skipped } = parseTagList('long hair\r\nmy_style\n\n  blue eyes  \n', 'mine.txt');
    expect(skipped).toBe(0);
    expect(tags).toEqual([
      { name: 'long hair', category: 'unknown', postCount: 0, aliases: [] },
      { name: 'my_style', category: 'unknown', postCount: 0, aliases: [] },
      { name: 'blue eyes', category: 'unknown', postCount: 0, aliases: [] },
    ]);
  });

  it('reads tags separated by commas on one line (a tags.txt)', () => {
    const { tags } = parseTagList('1girl, solo, long hair, 1, 2', 'tags.txt');
    expect(tags.map((t) => t.name)).toEqual(['1girl', 'solo', 'long hair', '1', '2']);
  });

  it('reads a one-column .csv as a plain list', () => {
    const { tags } = parseTagList('long_hair\nskirt\n', 'names.csv');
    expect(tags.map((t) => t.name)).toEqual(['long_hair', 'skirt']);
  });

  it('skips and counts entries that cannot be tags', () => {
    const { tags, skipped } = parseTagList(`ok\n${'x'.repeat(300)}\nbad\u0007bell\n`, 'mine.txt');
    expect(tags.map((t) => t.name)).toEqual(['ok']);
    expect(skipped).toBe(2);
  });

  it('gives nothing for an empty file', () => {
    expect(parseTagList('', 'empty.txt')).toEqual({ tags: [], skipped: 0 });
    expect(parseTagList('\uFEFF\r\n', 'empty.csv')).toEqual({ tags: [], skipped: 0 });
  });
});

describe('danbooruListPath', () => {
  const saved = process.env.LORA_TAGGER_ASSETS;
  afterEach(() => {
    if (saved === undefined) delete process.env.LORA_TAGGER_ASSETS;
    else process.env.LORA_TAGGER_ASSETS = saved;
  });

  it('finds the shipped list above the source tree', () => {
    delete process.env.LORA_TAGGER_ASSETS;
    const path = danbooruListPath();
    expect(path.replace(/\\/g, '/')).toMatch(/\/assets\/tags\/danbooru\.csv$/);
    expect(existsSync(path)).toBe(true);
  });

  it('uses LORA_TAGGER_ASSETS when set', () => {
    process.env.LORA_TAGGER_ASSETS = join('/opt', 'lora-tagger', 'resources', 'assets');
    expect(danbooruListPath()).toBe(join('/opt', 'lora-tagger', 'resources', 'assets', 'tags', 'danbooru.csv'));
  });
});
