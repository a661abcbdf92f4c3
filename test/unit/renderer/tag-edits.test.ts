import { describe, expect, it } from 'vitest';
import { addTags, normalizeTag, parseTagInput, removeTag, toggleTag } from '../../../src-renderer/logic/tag-edits';

describe('tag input parsing', () => {
  it('keeps text as typed apart from trimming and collapsing spaces', () => {
    expect(normalizeTag('  Long   Hair_(x) ')).toBe('Long Hair_(x)');
  });

  it('splits on commas and drops empty parts and repeats', () => {
    expect(parseTagInput('a, b,, c ,a')).toEqual(['a', 'b', 'c']);
    expect(parseTagInput(' , ')).toEqual([]);
  });
});

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
