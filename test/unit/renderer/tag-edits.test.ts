import { describe, expect, it } from 'vitest';
import { addTags, removeTag, toggleTag } from '../../../src-renderer/features/captions/tag-edits';

describe('tag list edits', () => {
  it('appends new tags in order and refuses the ones present', () => {
    expect(addTags(['a', 'b'], ['c', 'a', 'd'])).toEqual({ tags: ['a', 'b', 'c', 'd'], added: ['c', 'd'], duplicates: ['a'] });
  });

  it('compares tags exactly: case is part of the tag', () => {
    expect(addTags(['Cat'], ['cat']).duplicates).toEqual([]);
  });

  it('removes and toggles without reordering the rest', () => {
    expect(removeTag(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(toggleTag(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleTag(['a', 'b'], 'z')).toEqual(['a', 'b', 'z']);
  });
});
