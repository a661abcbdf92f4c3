import type { MouseEvent } from 'react';
import { setImageIndex, useImagesStore } from '../../stores/images-store';
import { clickImage, useSelectionStore } from '../../stores/selection-store';

/** Make an image the current one (the caption panel and the single view follow). */
export function goToImage(id: number): void {
  const at = useImagesStore.getState().indexById.get(id);
  if (at !== undefined) setImageIndex(at);
}

/**
 * A click on a thumbnail, strip or grid alike: a plain click selects it and
 * shows it; Ctrl/Cmd+click toggles it and Shift+click extends the selection,
 * both without moving, so a selection can be built while one image stays open.
 */
export function clickThumbnail(id: number, event: MouseEvent, order: readonly number[]): void {
  const mods = { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
  clickImage(id, mods, order);
  if (!mods.shift && !mods.toggle) goToImage(id);
}

/**
 * Shift+arrow in the grid: grow the selection from its anchor to `to`. With no
 * anchor yet, the image the cursor leaves becomes it, as a Shift+click after a
 * plain click would.
 */
export function extendSelection(to: number, from: number | null, order: readonly number[]): void {
  if (useSelectionStore.getState().anchor === null && from !== null && order.includes(from)) {
    clickImage(from, { shift: false, toggle: false }, order);
  }
  clickImage(to, { shift: true, toggle: false }, order);
}

/** Space in the grid: the keyboard's Ctrl+click on the cursor's image */
export const toggleSelected = (id: number, order: readonly number[]) => clickImage(id, { shift: false, toggle: true }, order);
