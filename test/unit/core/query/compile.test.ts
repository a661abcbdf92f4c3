import { describe, expect, it } from 'vitest';
import { compileQuery, filterImages, indexImage } from '../../../../src-main/core/query';
import { allNames, images, indexed } from './dataset';

const names = (query: string): string[] => {
  const result = filterImages(indexed, query);
  if (!result.ok) throw new Error(`query ${JSON.stringify(query)} failed: ${result.error.message}`);
  return result.indices.map((i) => images[i]!.name);
};
const except = (...gone: string[]) => allNames.filter((n) => !gone.includes(n));

const untagged = ['img_003.jpg', 'img_010.png'];
const mychar = ['img_001.png', 'img_002.png', 'beach_day.jpg', 'Beach_Night.JPG', 'blurry.png'];

const cases: [query: string, expected: string[]][] = [
  // empty and bare words: caption contains, case-insensitive
  ['', allNames],
  ['   ', allNames],
  ['smile', ['img_001.png', 'emoji_😀.png']],
  ['SMILE', ['img_001.png', 'emoji_😀.png']],
  ['hair', ['img_001.png', 'img_002.png', 'beach_day.jpg', 'Beach_Night.JPG', 'sketch.png']],
  ['long hair', ['img_001.png', 'beach_day.jpg', 'Beach_Night.JPG', 'sketch.png']],
  ['"long hair"', ['img_001.png', 'beach_day.jpg', 'Beach_Night.JPG', 'sketch.png']],
  ['"sketch of a girl"', ['sketch.png']],
  ['pencil sketch', ['sketch.png']],
  ['hair -"long hair"', ['img_002.png']],
  ['x-ray', ['weird (1).png']],
  ['"and"', ['weird (1).png']],
  ['"rating:explicit"', ['score.png']],
  // tag: exact, case-insensitive, wildcards
  ['tag:"long hair"', ['img_001.png', 'beach_day.jpg', 'Beach_Night.JPG']],
  ['tag:hat', ['img_002.png', 'dup.png']],
  ['tag:HAT', ['img_002.png', 'dup.png']],
  ['Tag:MyChar', mychar],
  ['tag:ha', []],
  ['tag:h?t', ['img_002.png', 'dup.png']],
  ['tag:long*', ['img_001.png', 'beach_day.jpg', 'Beach_Night.JPG']],
  ['tag:*hair', ['img_001.png', 'img_002.png', 'beach_day.jpg', 'Beach_Night.JPG', 'sketch.png']],
  ['tag:*', except(...untagged)],
  ['tag:?', ['emoji_😀.png']],
  ['tag:😀', ['emoji_😀.png']],
  ['tag:score_*', ['score.png']],
  ['tag:t1*', ['many.png']],
  ['tag:rating:explicit', ['score.png']],
  ['tag:"rating:explicit"', ['score.png']],
  ['tag:what\\?', ['emoji_😀.png']],
  ['tag:wha\\?', []],
  ['tag:AND', ['weird (1).png']],
  ['tag:\\(masterpiece:1.2\\)', ['weird (1).png']],
  ['tag:"(masterpiece:1.2)"', ['weird (1).png']],
  ['tag:x-ray', ['weird (1).png']],
  // tags: the tag count
  ['tags:=0', untagged],
  ['tags:0', untagged],
  ['tags:>20', ['many.png']],
  ['tags:>=5', ['img_001.png', 'img_002.png', 'beach_day.jpg', 'many.png']],
  ['tags:<3', ['img_003.jpg', 'blurry.png', 'sketch.png', 'img_010.png']],
  ['tags:<=1', ['img_003.jpg', 'sketch.png', 'img_010.png']],
  ['tags:!=0', except(...untagged)],
  ['tags:3 tag:hat', ['dup.png']],
  // status:
  ['status:todo', untagged],
  ['status:skip', ['blurry.png']],
  // as the stats bar names it
  ['status:skipped', ['blurry.png']],
  ['-status:Skipped', except('blurry.png')],
  ['status:TAGGED', except(...untagged, 'blurry.png')],
  ['-status:skip', except('blurry.png')],
  ['NOT status:tagged', ['img_003.jpg', 'blurry.png', 'img_010.png']],
  // caption:, name:, path:
  ['caption:"blue eyes"', ['img_001.png']],
  ['caption:red*eyes', ['img_002.png']],
  ['caption:pencil', ['sketch.png']],
  ['caption:*', allNames],
  ['name:img', ['img_001.png', 'img_002.png', 'img_003.jpg', 'img_010.png']],
  ['name:*.jpg', ['img_003.jpg', 'beach_day.jpg', 'Beach_Night.JPG']],
  ['name:img_00?.png', ['img_001.png', 'img_002.png']],
  ['name:emoji_?.png', ['emoji_😀.png']],
  ['name:"weird (1)"', ['weird (1).png']],
  ['path:summer', ['beach_day.jpg', 'Beach_Night.JPG']],
  ['path:outdoor/*', ['beach_day.jpg', 'Beach_Night.JPG', 'forest.webp']],
  ['path:*/img_*', ['img_001.png', 'img_002.png', 'img_003.jpg', 'img_010.png']],
  // NOT, AND, OR, parentheses, precedence
  ['tag:mychar AND tag:beach', ['beach_day.jpg', 'Beach_Night.JPG']],
  ['tag:mychar tag:beach', ['beach_day.jpg', 'Beach_Night.JPG']],
  ['tag:night OR tag:tree', ['Beach_Night.JPG', 'forest.webp']],
  ['tag:beach or tag:hat', ['img_002.png', 'beach_day.jpg', 'Beach_Night.JPG', 'dup.png']],
  ['tag:mychar -tag:beach', ['img_001.png', 'img_002.png', 'blurry.png']],
  ['tag:mychar not tag:beach -status:skip', ['img_001.png', 'img_002.png']],
  ['tag:outdoors OR tag:mychar AND tag:night', ['beach_day.jpg', 'Beach_Night.JPG', 'forest.webp']],
  ['(tag:outdoors OR tag:mychar) AND tag:night', ['Beach_Night.JPG']],
  ['(tag:outdoors OR tag:mychar) tag:long*', ['img_001.png', 'beach_day.jpg', 'Beach_Night.JPG']],
  ['NOT (tag:mychar OR tag:outdoors)', except(...mychar, 'forest.webp')],
  ['NOT tag:mychar OR tag:beach', except('img_001.png', 'img_002.png', 'blurry.png')],
  ['--tag:hat', ['img_002.png', 'dup.png']],
  ['NOT NOT tag:hat', ['img_002.png', 'dup.png']],
  ['(tag:hat)', ['img_002.png', 'dup.png']],
  ['((tag:hat) OR (tag:tree))', ['img_002.png', 'forest.webp', 'dup.png']],
  ['status:todo OR tags:>20 OR tag:blurry', ['img_003.jpg', 'blurry.png', 'many.png', 'img_010.png']],
  ['tag:"no humans" -tag:mychar', ['forest.webp']],
];

/** whether one freshly indexed image matches a query that must compile */
function matchesOne(img: ReturnType<typeof indexImage>, query: string): boolean {
  const c = compileQuery(query);
  if (!c.ok) throw new Error(c.error.message);
  return c.test(img);
}

describe('compileQuery: matching', () => {
  it.each(cases)('%s', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });

  it('the table covers enough ground', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('matches a freshly indexed image regardless of how its text is cased', () => {
    const img = indexImage({ name: 'X.PNG', path: 'A/X.PNG', caption: 'Blue SKY', tags: ['Blue Sky'], status: 'tagged' });
    const test = (q: string) => matchesOne(img, q);
    expect(test('tag:"blue sky" name:x.png path:a/* sky')).toBe(true);
    expect(test('tag:blue')).toBe(false);
  });

  it('matches an exact tag only as a whole tag, also when a tag read from a file holds a line break', () => {
    const img = indexImage({ name: 'a.png', path: 'a.png', caption: '', tags: ['blue eyes', 'sky\nline', 'red'], status: 'tagged' });
    const test = (q: string) => matchesOne(img, q);
    expect(test('tag:"blue eyes" tag:red')).toBe(true);
    expect(test('tag:blue')).toBe(false);
    expect(test('tag:eyes')).toBe(false);
    // the line break inside a tag does not split it into two
    expect(test('tag:sky')).toBe(false);
    expect(test('tag:line')).toBe(false);
    expect(test('tag:sky*')).toBe(true);
    expect(indexImage({ name: 'b.png', path: 'b.png', caption: '', tags: [], status: 'todo' }).tagLines).toBe('\n');
  });

  it('matches a pattern tag by tag from the tag lines alone, a line break in a tag read as a space', () => {
    const img = indexImage({ name: 'a.png', path: 'a.png', caption: '', tags: ['Blue Eyes', 'sky\nline', 'red'], status: 'tagged' });
    expect(img.tagLines).toBe('\nblue eyes\nsky line\nred\n');
    // `?` and inner stars are matched against each tag, whole
    expect(matchesOne(img, 'tag:"bl?e e*s"')).toBe(true);
    expect(matchesOne(img, 'tag:"r?d"')).toBe(true);
    expect(matchesOne(img, 'tag:"r?"')).toBe(false);
    expect(matchesOne(img, 'tag:"sky?line"')).toBe(true);
    // never across two tags
    expect(matchesOne(img, 'tag:"eyes?sky*"')).toBe(false);
    // an image without tags has none to match, even for a pattern that matches anything
    const bare = indexImage({ name: 'b.png', path: 'b.png', caption: '', tags: [], status: 'todo' });
    expect(matchesOne(bare, 'tag:"*?*"')).toBe(false);
    expect(matchesOne(img, 'tag:"*?*"')).toBe(true);
  });
});
