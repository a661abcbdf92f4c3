import { describe, expect, it } from 'vitest';
import { parseTagListInSlices } from '../../../../src-main/core/app/parse-in-slices';
import { parseTagList } from '../../../../src-main/core/vocabulary/tag-list';

/** a tagcomplete CSV of `n` rows, with aliases, quotes and a few broken lines */
function bigCsv(n: number, lineEnd = '\n'): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 997 === 0) lines.push('not a row');
    lines.push(i % 3 === 0 ? `tag_${i},${i % 6},${n - i},"alias_${i},other_${i}"` : `tag_${i},0,${n - i},`);
  }
  return '\ufeff' + lines.join(lineEnd) + lineEnd;
}

describe('parseTagListInSlices', () => {
  it('reads a big list exactly as parseTagList does, LF or CRLF', async () => {
    for (const text of [bigCsv(20_000), bigCsv(20_000, '\r\n')]) {
      expect(text.length).toBeGreaterThan(200_000);
      expect(await parseTagListInSlices(Buffer.from(text), 'big.csv')).toEqual(parseTagList(text, 'big.csv'));
    }
  });

  it('reads a big plain list exactly as parseTagList does', async () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `plain tag ${i}`).join('\n');
    expect(await parseTagListInSlices(Buffer.from(text), 'plain.txt')).toEqual(parseTagList(text, 'plain.txt'));
  });

  it('never cuts a character in two between slices', async () => {
    // names of two, three and four UTF-8 bytes, so slice ends fall everywhere inside them
    const text = Array.from({ length: 30_000 }, (_, i) => `${['café', '猫耳', '🐱'][i % 3]}_${i},0,${i},`).join('\n');
    const parsed = await parseTagListInSlices(Buffer.from(text), 'utf8.csv');
    expect(parsed).toEqual(parseTagList(text, 'utf8.csv'));
    expect(parsed!.tags.some((t) => t.name.includes('\ufffd'))).toBe(false);
  });

  it('stops when no longer wanted', async () => {
    let asked = 0;
    expect(await parseTagListInSlices(Buffer.from(bigCsv(20_000)), 'big.csv', () => ++asked < 2)).toBeNull();
    expect(asked).toBe(2);
  });
});
