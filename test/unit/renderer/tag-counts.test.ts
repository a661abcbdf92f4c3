import { describe, expect, it } from 'vitest';
import { applyTagDeltas, toCountMap, visibleTags } from '../../../src-renderer/logic/tag-counts';

describe('master tag list', () => {
  const counts = toCountMap([
    { name: 'blue sky', count: 3 },
    { name: 'Blonde hair', count: 7 },
    { name: 'cat', count: 3 },
  ]);

  it('applies deltas: new counts replace, 0 removes, unknown tags appear', () => {
    const next = applyTagDeltas(counts, [
      { name: 'cat', count: 0 },
      { name: 'dog', count: 1 },
      { name: 'blue sky', count: 4 },
    ]);
    expect([...next]).toEqual([
      ['blue sky', 4],
      ['Blonde hair', 7],
      ['dog', 1],
    ]);
    expect(counts.get('cat')).toBe(3);
  });

  it('filters case-insensitively on a substring', () => {
    expect(visibleTags(counts, 'BL', 'name').map((t) => t.name)).toEqual(['Blonde hair', 'blue sky']);
  });

  it('sorts by count, ties by name', () => {
    expect(visibleTags(counts, '', 'count').map((t) => t.name)).toEqual(['Blonde hair', 'blue sky', 'cat']);
  });

  it('sorts longest first, ties by name', () => {
    expect(visibleTags(counts, '', 'length').map((t) => t.name)).toEqual(['Blonde hair', 'blue sky', 'cat']);
    expect(visibleTags(toCountMap([{ name: 'bb', count: 1 }, { name: 'a', count: 9 }, { name: 'aa', count: 2 }]), '', 'length').map((t) => t.name)).toEqual(['aa', 'bb', 'a']);
  });

  it('matches case only when asked', () => {
    expect(visibleTags(counts, 'Bl', 'name', true).map((t) => t.name)).toEqual(['Blonde hair']);
    expect(visibleTags(counts, 'bl', 'name', true).map((t) => t.name)).toEqual(['blue sky']);
  });
});
