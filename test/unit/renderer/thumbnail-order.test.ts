import { describe, expect, it } from 'vitest';
import { markOf } from '../../../src-renderer/features/grid/thumbnail-mark';
import { shownOrder } from '../../../src-renderer/features/grid/thumbnail-order';
import type { ImageSummary } from '../../../src-shared/contract';

describe('the order thumbnails are shown in', () => {
  const dataset = [10, 11, 12, 13, 14];

  it('is the dataset when no filter is on', () => {
    const order = shownOrder(dataset, null);
    expect(order.ids).toEqual(dataset);
    expect(order.positionOf(13)).toBe(3);
    expect(order.positionOf(99)).toBe(-1);
    expect(order.positionOf(null)).toBe(-1);
  });

  it("keeps a filter's images in dataset order, as the arrow keys walk them, and drops ids no longer listed", () => {
    const order = shownOrder(dataset, [14, 99, 11]);
    expect(order.ids).toEqual([11, 14]);
    expect(order.positionOf(14)).toBe(1);
    expect(order.positionOf(12)).toBe(-1);
  });
});

describe('status marks', () => {
  const row = (over: Partial<ImageSummary>): ImageSummary => ({
    id: 1,
    name: 'a.png',
    status: 'todo',
    tagCount: 0,
    width: 10,
    height: 10,
    bytes: 100,
    hasConflict: false,
    ...over,
  });

  it('shows the status, and a conflict above any status', () => {
    expect(markOf(row({ status: 'tagged', tagCount: 3 }))).toBe('tagged');
    expect(markOf(row({ status: 'skip' }))).toBe('skip');
    expect(markOf(row({ status: 'tagged', hasConflict: true }))).toBe('conflict');
    expect(markOf(undefined)).toBe('unknown');
  });
});
