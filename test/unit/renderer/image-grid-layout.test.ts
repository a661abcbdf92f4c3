import { describe, expect, it } from 'vitest';
import { gridMetrics, gridMove, rowCount, rowSpan } from '../../../src-renderer/features/grid/image-grid-layout';

const spacing = { minCell: 150, gap: 8, padding: 12, label: 38 };

describe('grid columns', () => {
  it('fits as many cells of the minimum width as the row holds, widened to fill it', () => {
    // 800 wide: 776 inside the padding; 5 × 150 + 4 × 8 = 782 does not fit, 4 columns do
    const m = gridMetrics(800, spacing);
    expect(m.columns).toBe(4);
    expect(m.cellWidth).toBe(Math.floor((776 - 3 * 8) / 4));
    expect(m.rowHeight).toBe(m.cellWidth + 38 + 8);
    // exactly five minimum cells and their gaps
    expect(gridMetrics(24 + 5 * 150 + 4 * 8, spacing).columns).toBe(5);
    expect(gridMetrics(24 + 5 * 150 + 4 * 8 - 1, spacing).columns).toBe(4);
  });

  it('never has fewer than one column or a cell under a pixel, even before the width is known', () => {
    expect(gridMetrics(0, spacing)).toMatchObject({ columns: 1, cellWidth: 1 });
    expect(gridMetrics(100, spacing).columns).toBe(1);
  });

  it('keeps the cells inside the row', () => {
    for (let width = 0; width < 3000; width += 37) {
      const { columns, cellWidth } = gridMetrics(width, spacing);
      if (width > 2 * spacing.padding + spacing.minCell) {
        expect(columns * cellWidth + (columns - 1) * spacing.gap).toBeLessThanOrEqual(width - 2 * spacing.padding);
        expect(cellWidth).toBeGreaterThanOrEqual(spacing.minCell);
      }
    }
  });

  it('counts rows and the cells of the last, short row', () => {
    expect(rowCount(0, 4)).toBe(0);
    expect(rowCount(20_000, 4)).toBe(5_000);
    expect(rowCount(10, 4)).toBe(3);
    expect(rowSpan(2, 4, 10)).toEqual([8, 10]);
    expect(rowSpan(0, 4, 10)).toEqual([0, 4]);
  });
});

describe('grid keys', () => {
  // 10 cells in 4 columns:  0 1 2 3 / 4 5 6 7 / 8 9
  const move = (key: Parameters<typeof gridMove>[0], from: number, pageRows = 2) => gridMove(key, from, 10, 4, pageRows);

  it('moves by one cell sideways and one row up or down, stopping at the ends', () => {
    expect(move('ArrowRight', 3)).toBe(4);
    expect(move('ArrowLeft', 4)).toBe(3);
    expect(move('ArrowLeft', 0)).toBe(0);
    expect(move('ArrowRight', 9)).toBe(9);
    expect(move('ArrowDown', 1)).toBe(5);
    expect(move('ArrowUp', 5)).toBe(1);
    expect(move('ArrowUp', 2)).toBe(2);
  });

  it('goes down into a short last row onto its last cell, and not past it', () => {
    expect(move('ArrowDown', 6)).toBe(9);
    expect(move('ArrowDown', 9)).toBe(9);
    expect(move('ArrowDown', 8)).toBe(8);
  });

  it('jumps to the ends and by pages of rows', () => {
    expect(move('Home', 7)).toBe(0);
    expect(move('End', 2)).toBe(9);
    expect(move('PageDown', 1)).toBe(9);
    expect(move('PageDown', 1, 1)).toBe(5);
    expect(move('PageUp', 9)).toBe(1);
    expect(move('PageUp', 6, 5)).toBe(2);
  });

  it('starts from the first cell (End: the last) when the filter hides the current image', () => {
    expect(move('ArrowDown', -1)).toBe(0);
    expect(move('ArrowLeft', -1)).toBe(0);
    expect(move('End', -1)).toBe(9);
  });

  it('does nothing in an empty grid', () => {
    expect(gridMove('ArrowRight', -1, 0, 4, 3)).toBeNull();
  });
});
