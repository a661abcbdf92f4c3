import type { KeyboardEvent } from 'react';
import { showSingle } from '../../stores/view-store';
import { gridMove, isGridMoveKey } from './image-grid-layout';
import { extendSelection, goToImage, toggleSelected } from './thumbnail-click';

export interface GridKeyContext {
  ids: readonly number[];
  /** the cursor (the current image) in `ids`; -1 when the filter hides it */
  position: number;
  columns: number;
  /** rows that fit in the scroller, for Page Up and Page Down */
  pageRows: number;
}

/**
 * The grid's own keys, while it has focus: arrows, Home/End and Page keys move
 * the current image (Shift extends the selection as they go), Space toggles
 * the current image's selection, Enter and Escape go back to the single view.
 * A handled key is marked so the window's shortcuts (← → as previous / next
 * in dataset order) leave it alone. Ctrl, Cmd and Alt combinations belong to
 * the window (undo, save, find).
 */
export function handleGridKey(event: KeyboardEvent, grid: GridKeyContext): void {
  if (event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return;
  const currentId = grid.position >= 0 ? (grid.ids[grid.position] ?? null) : null;
  if (isGridMoveKey(event.key)) {
    event.preventDefault();
    const to = gridMove(event.key, grid.position, grid.ids.length, grid.columns, grid.pageRows);
    const id = to === null ? undefined : grid.ids[to];
    if (id === undefined || id === currentId) return;
    if (event.shiftKey) extendSelection(id, currentId, grid.ids);
    goToImage(id);
    return;
  }
  switch (event.key) {
    case ' ':
      event.preventDefault();
      if (currentId !== null) toggleSelected(currentId, grid.ids);
      return;
    case 'Enter':
    case 'Escape':
      event.preventDefault();
      showSingle();
      return;
  }
}
