import { describe, expect, it } from 'vitest';
import { dropIndex, isPinned, moveTagWithin } from '../../../src-renderer/features/captions/tag-order';

describe('reordering one image tags', () => {
  const tags = ['a', 'b', 'c', 'd'];

  it('moves a tag to a place, clamped into the list', () => {
    expect(moveTagWithin(tags, 'c', 0, null)).toEqual(['c', 'a', 'b', 'd']);
    expect(moveTagWithin(tags, 'a', 9, null)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveTagWithin(tags, 'b', -3, null)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('keeps the trigger word first', () => {
    const withTrigger = ['ohwx', 'a', 'b'];
    expect(isPinned(withTrigger, 0, 'ohwx')).toBe(true);
    expect(moveTagWithin(withTrigger, 'b', 0, 'ohwx')).toEqual(['ohwx', 'b', 'a']);
    expect(moveTagWithin(withTrigger, 'ohwx', 2, 'ohwx')).toEqual(withTrigger);
    // a trigger word not in first place is not pinned: nothing to protect
    expect(isPinned(['a', 'ohwx'], 0, 'ohwx')).toBe(false);
  });

  it('leaves the list alone for a tag it does not have', () => {
    expect(moveTagWithin(tags, 'zzz', 0, null)).toEqual(tags);
  });

  it('moves the occurrence grabbed when a tag is there twice, else the first', () => {
    expect(moveTagWithin(['x', 'a', 'x'], 'x', 1, null, 2)).toEqual(['x', 'x', 'a']);
    expect(moveTagWithin(['x', 'a', 'x'], 'x', 2, null, 1)).toEqual(['a', 'x', 'x']);
  });

  it('turns a drop on the left or right half of a chip into a target index', () => {
    expect(dropIndex(0, 2, false)).toBe(1);
    expect(dropIndex(0, 2, true)).toBe(2);
    expect(dropIndex(3, 1, false)).toBe(1);
    expect(dropIndex(3, 1, true)).toBe(2);
    expect(moveTagWithin(tags, 'a', dropIndex(0, 2, true), null)).toEqual(['b', 'c', 'a', 'd']);
  });
});
