/**
 * The grid's geometry and keyboard moves as plain functions of numbers, so the
 * column math and the edge cases (last row, empty list, a current image the
 * filter hides) are testable without a DOM.
 */

export interface GridMetrics {
  columns: number;
  /** width of one cell's square thumbnail box, in CSS pixels */
  cellWidth: number;
  /** distance from one row's top to the next's: cell, label and gap */
  rowHeight: number;
}

export interface GridSpacing {
  minCell: number;
  gap: number;
  /** padding on each side of the rows */
  padding: number;
  /** height of the name and tag-count lines under each thumbnail */
  label: number;
}

/** As many columns of at least `minCell` as fit, widened to fill the row; never fewer than one. */
export function gridMetrics(width: number, spacing: GridSpacing): GridMetrics {
  const inner = Math.max(0, width - 2 * spacing.padding);
  const columns = Math.max(1, Math.floor((inner + spacing.gap) / (spacing.minCell + spacing.gap)));
  // whole pixels, so cells do not blur and rows stack at exact offsets
  const cellWidth = Math.max(1, Math.floor((inner - spacing.gap * (columns - 1)) / columns));
  return { columns, cellWidth, rowHeight: cellWidth + spacing.label + spacing.gap };
}

export const rowCount = (count: number, columns: number) => Math.ceil(count / Math.max(1, columns));

/** the positions [first, end) of the cells in one row */
export function rowSpan(row: number, columns: number, count: number): [number, number] {
  const first = row * columns;
  return [first, Math.min(count, first + columns)];
}

export type GridMoveKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

const MOVE_KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
export const isGridMoveKey = (key: string): key is GridMoveKey => MOVE_KEYS.has(key);

/**
 * Where a key moves the cursor. `position` is -1 when the current image is not
 * shown (the filter hides it): any move then starts from the first cell (End
 * from the last). Up and Down keep the column and stop at the first or last
 * row rather than wrapping; Down into a short last row lands on its last cell.
 */
export function gridMove(key: GridMoveKey, position: number, count: number, columns: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  if (position < 0 || position > last) return key === 'End' ? last : 0;
  const page = Math.max(1, pageRows) * columns;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, position - 1);
    case 'ArrowRight':
      return Math.min(last, position + 1);
    case 'ArrowUp':
      return position - columns >= 0 ? position - columns : position;
    case 'ArrowDown':
      if (position + columns <= last) return position + columns;
      // a short last row below: land on its last cell rather than not moving at all
      return rowOf(position, columns) < rowOf(last, columns) ? last : position;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageUp':
      return position - page >= 0 ? position - page : position % columns;
    case 'PageDown':
      return position + page <= last ? position + page : last;
  }
}

const rowOf = (position: number, columns: number) => Math.floor(position / columns);
