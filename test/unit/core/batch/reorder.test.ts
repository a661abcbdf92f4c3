import { describe, expect, it } from 'vitest';
import { keepTriggerFirst, moveTag } from '../../../../src-main/core/batch/reorder';

describe('moveTag', () => {
  const tags = Object.freeze(['a', 'b', 'c', 'd']);

  it.each([
    [0, 2, ['b', 'c', 'a', 'd']],
    [3, 0, ['d', 'a', 'b', 'c']],
    [1, 1, ['a', 'b', 'c', 'd']],
    [1, 3, ['a', 'c', 'd', 'b']],
    [2, 99, ['a', 'b', 'd', 'c']], // past the end: clamped to last
    [2, -5, ['c', 'a', 'b', 'd']], // before the start: clamped to first
  ])('from %i to %i', (from, to, expected) => {
    expect(moveTag(tags, from, to)).toEqual(expected);
  });

  it('a from index outside the list changes nothing', () => {
    expect(moveTag(tags, 4, 0)).toEqual(['a', 'b', 'c', 'd']);
    expect(moveTag(tags, -1, 0)).toEqual(['a', 'b', 'c', 'd']);
    expect(moveTag(tags, 1.5, 0)).toEqual(['a', 'b', 'c', 'd']);
    expect(moveTag([], 0, 0)).toEqual([]);
  });

  it('never mutates its input', () => {
    moveTag(tags, 0, 3);
    expect(tags).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('keepTriggerFirst', () => {
  it('moves a present trigger to the front', () => {
    expect(keepTriggerFirst(['smile', 'mychar', 'solo'], 'mychar')).toEqual(['mychar', 'smile', 'solo']);
  });

  it('leaves the list alone when the trigger is absent, already first, or unset', () => {
    expect(keepTriggerFirst(['smile', 'solo'], 'mychar')).toEqual(['smile', 'solo']);
    expect(keepTriggerFirst(['mychar', 'solo'], 'mychar')).toEqual(['mychar', 'solo']);
    expect(keepTriggerFirst(['smile', 'mychar'], null)).toEqual(['smile', 'mychar']);
  });

  it('matches the trigger exactly and moves only its first occurrence', () => {
    expect(keepTriggerFirst(['a', 'MyChar', 'mychar', 'mychar'], 'mychar')).toEqual(['mychar', 'a', 'MyChar', 'mychar']);
  });
});
