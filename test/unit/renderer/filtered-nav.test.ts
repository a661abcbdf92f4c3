import { describe, expect, it } from 'vitest';
import { edgeWithin, findWithin, navPosition, shownIndices, stepWithin } from '../../../src-renderer/logic/filtered-nav';

const items = [10, 11, 12, 13, 14, 15].map((id) => ({ id }));

describe('moving through filtered images', () => {
  it('keeps list order whatever order the filter lists ids in, and drops ids the list lacks', () => {
    expect(shownIndices(items, [15, 11, 99, 13])).toEqual([1, 3, 5]);
    expect(shownIndices(items, null)).toBeNull();
    expect(shownIndices(items, [])).toEqual([]);
  });

  it('steps to the next and previous shown image and stops at the ends', () => {
    const shown = [1, 3, 5];
    expect(stepWithin(shown, 1, 1)).toBe(3);
    expect(stepWithin(shown, 3, -1)).toBe(1);
    expect(stepWithin(shown, 5, 1)).toBe(5);
    expect(stepWithin(shown, 1, -1)).toBe(1);
  });

  it('steps from a hidden image to the nearest shown one that way', () => {
    const shown = [1, 3, 5];
    expect(stepWithin(shown, 2, 1)).toBe(3);
    expect(stepWithin(shown, 2, -1)).toBe(1);
    expect(stepWithin(shown, 0, -1)).toBe(0);
    expect(stepWithin([], 2, 1)).toBe(2);
  });

  it('counts n of N among the shown images', () => {
    expect(navPosition([1, 3, 5], 3, 6)).toEqual({ position: 2, total: 3, atStart: false, atEnd: false });
    expect(navPosition([1, 3, 5], 5, 6)).toMatchObject({ position: 3, atEnd: true });
    expect(navPosition([1, 3, 5], 4, 6)).toMatchObject({ position: 0, total: 3 });
    expect(navPosition(null, 0, 6)).toEqual({ position: 1, total: 6, atStart: true, atEnd: false });
    expect(navPosition(null, 0, 0)).toMatchObject({ position: 0, total: 0 });
  });
});

describe('jumping through filtered images', () => {
  const rows = ['todo', 'tagged', 'todo', 'skip', 'todo', 'tagged'].map((status, i) => ({ id: 10 + i, status }));
  const todo = (row: { status: string }) => row.status === 'todo';

  it('finds the nearest wanted image each way, never the current one, and none past the ends', () => {
    expect(findWithin(rows, null, 0, 1, todo)).toBe(2);
    expect(findWithin(rows, null, 2, 1, todo)).toBe(4);
    expect(findWithin(rows, null, 4, 1, todo)).toBeNull();
    expect(findWithin(rows, null, 4, -1, todo)).toBe(2);
    expect(findWithin(rows, null, 0, -1, todo)).toBeNull();
  });

  it('looks only at the images the filter shows, from a hidden one too', () => {
    expect(findWithin(rows, [1, 3, 4, 5], 1, 1, todo)).toBe(4);
    expect(findWithin(rows, [1, 3, 4, 5], 2, 1, todo)).toBe(4);
    expect(findWithin(rows, [0, 1, 3], 5, -1, todo)).toBe(0);
    expect(findWithin(rows, [], 0, 1, todo)).toBeNull();
  });

  it('goes to the first and last shown image', () => {
    expect(edgeWithin(null, 6, 3, 'first')).toBe(0);
    expect(edgeWithin(null, 6, 3, 'last')).toBe(5);
    expect(edgeWithin([1, 3, 4], 6, 0, 'first')).toBe(1);
    expect(edgeWithin([1, 3, 4], 6, 0, 'last')).toBe(4);
    expect(edgeWithin([], 6, 2, 'last')).toBe(2);
    expect(edgeWithin(null, 0, 0, 'first')).toBe(0);
  });
});
