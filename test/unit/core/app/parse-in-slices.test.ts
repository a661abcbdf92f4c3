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
      expect(await parseTagListInSlices(text, 'big.csv')).toEqual(parseTagList(text, 'big.csv'));
    }
  });

  it('reads a big plain list exactly as parseTagList does', async () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `plain tag ${i}`).join('\n');
    expect(await parseTagListInSlices(text, 'plain.txt')).toEqual(parseTagList(text, 'plain.txt'));
  });

  it('stops when no longer wanted', async () => {
    let asked = 0;
    expect(await parseTagListInSlices(bigCsv(20_000), 'big.csv', () => ++asked < 2)).toBeNull();
    expect(asked).toBe(2);
  });
});
