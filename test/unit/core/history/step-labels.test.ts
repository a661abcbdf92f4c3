import { describe, expect, it } from 'vitest';
import { batchLabel, batchLabelStem, countedLabel, editLabel, keepMineLabel } from '../../../../src-main/core/history/step-labels';

describe('step labels', () => {
  it.each([
    [{ type: 'add', tags: ['a', 'b'], position: 'end' }, 37, 'Add 2 tags to 37 images'],
    [{ type: 'add', tags: ['smile'], position: 'start' }, 1, 'Add “smile” to 1 image'],
    [{ type: 'remove', tags: ['x'] }, 2, 'Remove “x” from 2 images'],
    [{ type: 'replace', find: 'hat', replace: 'cap', mode: 'plain', scope: 'whole-tag', caseSensitive: true }, 3, 'Replace “hat” with “cap” in 3 images'],
    [{ type: 'replace', find: '_', replace: '', mode: 'plain', scope: 'inside-tags', caseSensitive: true }, 3, 'Remove “_” from 3 images'],
    [{ type: 'sort', by: 'alpha', keepFirst: 1 }, 5, 'Sort tags alphabetically in 5 images'],
    [{ type: 'sort', by: 'frequency', keepFirst: 0 }, 5, 'Sort tags by frequency in 5 images'],
    [{ type: 'dedupe' }, 4, 'Remove duplicate tags in 4 images'],
    [{ type: 'rename', from: 'old', to: 'new' }, 9, 'Rename “old” to “new” in 9 images'],
    [{ type: 'delete', tag: 'gone' }, 9, 'Delete “gone” from 9 images'],
  ] as const)('%j on %i', (op, n, label) => {
    expect(batchLabel(op as never, n)).toBe(label);
  });

  it.each([
    { type: 'add', tags: ['x'], position: 'end' },
    { type: 'replace', find: 'a', replace: '', mode: 'plain', scope: 'whole-tag', caseSensitive: true },
    { type: 'sort', by: 'frequency', keepFirst: 0 },
    { type: 'delete', tag: 'gone' },
  ] as const)('ends %j with its count, so a step cut short can be counted again from its stem', (op) => {
    const stem = batchLabelStem(op as never);
    expect(countedLabel(stem, 33)).toBe(batchLabel(op as never, 33));
    expect(countedLabel(stem, 1)).toBe(batchLabel(op as never, 1));
    expect(batchLabel(op as never, 500).startsWith(stem)).toBe(true);
  });

  it('shortens a long tag', () => {
    expect(batchLabel({ type: 'delete', tag: 'x'.repeat(100) }, 1)).toBe(`Delete “${'x'.repeat(39)}…” from 1 image`);
  });

  it('names single edits by image', () => {
    expect(editLabel('img_004.png')).toBe('Edit img_004.png');
    expect(keepMineLabel('a/b.png')).toBe('Keep my version of a/b.png');
  });
});
