import { shownIndices } from '../logic/filtered-nav';
import { useFilterStore } from '../stores/filter-store';
import { setImageIndex, useImagesStore } from '../stores/images-store';

/**
 * The shown indices for the current list and filter, computed once per change
 * of either (the header, the image view and the arrow keys all ask for it).
 * Keyed by `indexById`, which the images store replaces only when the list
 * itself changes: a tag edit copies `items` but moves no image.
 */
let memo: { list: unknown; ids: unknown; shown: number[] | null } = { list: null, ids: null, shown: null };

export function currentShown(): number[] | null {
  const { items, indexById } = useImagesStore.getState();
  const { ids } = useFilterStore.getState();
  if (memo.list !== indexById || memo.ids !== ids) memo = { list: indexById, ids, shown: shownIndices(items, ids) };
  return memo.shown;
}

// a new filter result that hides the image on screen moves to its first match, so what is edited is what is listed
useFilterStore.subscribe((state, previous) => {
  if (state.ids === previous.ids || state.ids === null) return;
  const shown = currentShown();
  const { index } = useImagesStore.getState();
  const first = shown?.[0];
  if (first !== undefined && !shown?.includes(index)) setImageIndex(first);
});
