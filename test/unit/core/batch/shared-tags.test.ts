import { describe, expect, it } from 'vitest';
import { summarizeSelection } from '../../../../src-main/core/batch/shared-tags';

describe('summarizeSelection', () => {
  it('splits shared from partial tags, shared in the first image order', () => {
    const summary = summarizeSelection([
      ['mychar', 'smile', 'hat', 'solo'],
      ['solo', 'mychar', 'outdoors'],
      ['hat', 'mychar', 'solo', 'smile'],
    ]);
    expect(summary.shared).toEqual(['mychar', 'solo']);
    expect(summary.partial).toEqual([
      { name: 'hat', count: 2 },
      { name: 'smile', count: 2 },
      { name: 'outdoors', count: 1 },
    ]);
  });

  it('counts a tag repeated within one image once', () => {
    const summary = summarizeSelection([['a', 'a', 'b'], ['b']]);
    expect(summary.shared).toEqual(['b']);
    expect(summary.partial).toEqual([{ name: 'a', count: 1 }]);
  });

  it('keeps case apart: Hat and hat are different tags', () => {
    const summary = summarizeSelection([['Hat'], ['hat']]);
    expect(summary.shared).toEqual([]);
    expect(summary.partial).toEqual([
      { name: 'Hat', count: 1 },
      { name: 'hat', count: 1 },
    ]);
  });

  it('one image: everything is shared', () => {
    expect(summarizeSelection([['b', 'a', 'b']])).toEqual({ shared: ['b', 'a'], partial: [] });
  });

  it('an empty selection, or untagged images, share nothing', () => {
    expect(summarizeSelection([])).toEqual({ shared: [], partial: [] });
    expect(summarizeSelection([[], ['a']])).toEqual({ shared: [], partial: [{ name: 'a', count: 1 }] });
  });
});
