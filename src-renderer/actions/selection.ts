import { useFilterStore } from '../stores/filter-store';
import { useImagesStore } from '../stores/images-store';
import { clearSelection, invertSelection, selectAll, useSelectionStore } from '../stores/selection-store';

/** the ids the image area shows: the filter's, or every image */
export function shownIds(): readonly number[] {
  const { ids } = useFilterStore.getState();
  return ids ?? useImagesStore.getState().items.map((item) => item.id);
}

/** select all and invert work on what is shown, so a hidden image is never edited by surprise */
export const selectAllShown = () => selectAll(shownIds());
export const invertShown = () => invertSelection(shownIds());
export { clearSelection };

/**
 * The selection in list order (previews read better in the order the user
 * sees), without ids the list no longer has: an image removed from the folder
 * since it was selected must not fail the whole batch.
 */
export function selectedInOrder(): number[] {
  const { selected } = useSelectionStore.getState();
  const { indexById } = useImagesStore.getState();
  const known = [...selected].filter((id) => indexById.has(id));
  return known.sort((a, b) => indexById.get(a)! - indexById.get(b)!);
}
