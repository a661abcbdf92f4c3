import { describe, expect, it } from 'vitest';
import { statusOf, type ImageEntry } from '../../../../src-main/core/session/image-entry';

const entryWith = (text: string, skip = false) => ({ row: { skip }, caption: { text } }) as unknown as ImageEntry;

describe('an image’s status', () => {
  it('is todo for a caption of nothing but whitespace, of any kind, and tagged for any text', () => {
    for (const blank of ['', ' ', '\n', '\t \r\n', '\u00a0', '\u3000', '\ufeff']) expect(statusOf(entryWith(blank)), JSON.stringify(blank)).toBe('todo');
    for (const text of ['a', ' a', '\n1girl', '日本', '\u00a0x', '~']) expect(statusOf(entryWith(text)), JSON.stringify(text)).toBe('tagged');
    expect(statusOf(entryWith('a', true))).toBe('skip');
  });
});
