import { describe, expect, it } from 'vitest';
import { navPosition, shownIndices, stepWithin } from '../../../src-renderer/logic/filtered-nav';

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
