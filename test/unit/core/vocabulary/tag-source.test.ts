import { describe, expect, it } from 'vitest';
import { buildTagIndex, runToEnd } from '../../../../src-main/core/vocabulary/tag-index';
import { parseTagList, type ListTag } from '../../../../src-main/core/vocabulary/tag-list';
import { listFileSource, type ListPart, type TagSource } from '../../../../src-main/core/vocabulary/tag-source';

/** a tagcomplete CSV of `n` rows, with aliases, quotes and a few broken lines */
function bigCsv(n: number, lineEnd = '\n'): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 997 === 0) lines.push('not a row');
    lines.push(i % 3 === 0 ? `tag_${i},${i % 6},${n - i},"alias_${i},other_${i}"` : `tag_${i},0,${n - i},`);
  }
  return '\ufeff' + lines.join(lineEnd) + lineEnd;
}

/** every part a source gives, read as a build reads them */
function readAll(list: TagSource): { parts: number; tags: ListTag[]; skipped: number } {
  const all = { parts: 0, tags: [] as ListTag[], skipped: 0 };
  for (const part of list.parts()) {
    all.parts++;
    all.tags.push(...part.tags);
    all.skipped += part.skipped;
  }
  return all;
}

/** reads `text` as a list file and checks it against parseTagList over the whole text */
function readsAsWhole(text: string, source: string): ReturnType<typeof readAll> {
  const list = listFileSource(Buffer.from(text), source);
  const all = readAll(list);
  const whole = parseTagList(text, source);
  expect({ tags: all.tags, skipped: all.skipped }).toEqual(whole);
  expect(list.most).toBeGreaterThanOrEqual(whole.tags.length);
  return all;
}

describe('a list file read a part at a time', () => {
  it('gives exactly what parseTagList gives the whole file, LF or CRLF, in many parts', () => {
    for (const text of [bigCsv(20_000), bigCsv(20_000, '\r\n')]) {
      expect(text.length).toBeGreaterThan(200_000);
      expect(readsAsWhole(text, 'big.csv').parts).toBeGreaterThan(5);
    }
  });

  it('sizes a CSV by its lines, and a plain list by its lines and commas', () => {
    const csv = listFileSource(Buffer.from('a,0,1,"b,c"\nd,0,2,\ne,0,3,\n'), 'l.csv');
    // three rows and the empty line after the last break: the tables are not sized by the aliases' commas
    expect(csv.most).toBe(4);
    const plain = readsAsWhole('one, two, three\nfour\n', 'l.txt');
    expect(plain.tags.map((t) => t.name)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('gives exactly what parseTagList gives a big plain list', () => {
    readsAsWhole(Array.from({ length: 30_000 }, (_, i) => `plain tag ${i}, other ${i}`).join('\n'), 'plain.txt');
  });

  it('reads an old Mac file (lone CRs), an empty file and one without a last line break', () => {
    readsAsWhole('a,0,1,\rb,0,2,\rc,0,3,', 'mac.csv');
    expect(readsAsWhole('', 'empty.csv').tags).toEqual([]);
    readsAsWhole('a,0,1,\nb,0,2,', 'open.csv');
  });

  it('never cuts a character in two between parts', () => {
    // names of two, three and four UTF-8 bytes, so part ends fall everywhere inside them
    const text = Array.from({ length: 30_000 }, (_, i) => `${['café', '猫耳', '🐱'][i % 3]}_${i},0,${i},`).join('\n');
    const { tags } = readsAsWhole(text, 'utf8.csv');
    expect(tags.some((t) => t.name.includes('\ufffd'))).toBe(false);
  });

  it('reads a list saved as UTF-16 (with a BOM or without) or in Windows-1252 as the same tags', () => {
    const text = 'my_style,0,10,\r\ncafé_au_lait,4,5,"caffe latte"\r\n猫耳,0,3,\r\n';
    const read = (bytes: Buffer) => {
      const { tags, skipped } = readAll(listFileSource(bytes, 'l.csv'));
      return { tags, skipped };
    };
    const inUtf8 = read(Buffer.from(text));
    expect(inUtf8.tags.map((t) => t.name)).toEqual(['my_style', 'café_au_lait', '猫耳']);
    const utf16le = Buffer.from('\ufeff' + text, 'utf16le');
    for (const bytes of [utf16le, Buffer.from(utf16le).swap16(), Buffer.from(text, 'utf16le')]) expect(read(bytes)).toEqual(inUtf8);
    // é as the one byte 0xE9, which UTF-8 cannot hold alone
    const latin = Buffer.from('my_style\ncafé\n', 'latin1');
    expect(readAll(listFileSource(latin, 'l.txt')).tags.map((t) => t.name)).toEqual(['my_style', 'café']);
  });

  it('reads the whole file as the format its first lines have', () => {
    // a run of prose in the middle of a CSV: each of its lines is a skipped row, not a tag
    const rows = Array.from({ length: 5_000 }, (_, i) => `tag_${i},0,${i},`);
    const prose = Array.from({ length: 3_000 }, (_, i) => `a sentence number ${i} with no columns`);
    const { tags, skipped } = readAll(listFileSource(Buffer.from([...rows, ...prose, ...rows].join('\n')), 'mixed.csv'));
    expect(tags).toHaveLength(10_000);
    expect(skipped).toBe(3_000);
  });
});

describe('an index build over a tag source', () => {
  it('counts the tags each list gave', () => {
    const index = runToEnd(buildTagIndex([{ source: 'big.csv', list: listFileSource(Buffer.from(bigCsv(20_000)), 'big.csv') }]));
    expect(index.listSizes.get('big.csv')).toBe(20_000);
  });

  it('refuses a source that gives more tags than it said it held', () => {
    const tag: ListTag = { name: 'a', category: 'general', postCount: 1, aliases: [] };
    const liar: TagSource = { most: 1, parts: (): ListPart[] => [{ tags: [tag, { ...tag, name: 'b' }], skipped: 0 }] };
    expect(() => runToEnd(buildTagIndex([{ source: 'liar', list: liar }]))).toThrow(/more than the 1 tags/);
  });
});
