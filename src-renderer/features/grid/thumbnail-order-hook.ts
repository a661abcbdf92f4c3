import { useMemo } from 'react';
import { useFilterStore } from '../../stores/filter-store';
import { useImagesStore } from '../../stores/images-store';
import { type ShownOrder, shownOrder } from './thumbnail-order';

/**
 * The order the strip and the grid show. Rebuilt only when the list or the
 * filter changes, never on a row update (a tag edit): at 100,000 images a copy
 * of every id per keystroke would show. The images store replaces `indexById`
 * exactly when the list itself changes, so it keys the dataset-order copy.
 */
export function useShownOrder(): ShownOrder {
  const indexById = useImagesStore((s) => s.indexById);
  const filtered = useFilterStore((s) => s.ids);
  return useMemo(() => {
    const datasetIds = useImagesStore.getState().items.map((row) => row.id);
    if (filtered) return shownOrder(datasetIds, filtered);
    // unfiltered, the store's own map already gives positions: no second 100,000-entry map
    return { ids: datasetIds, positionOf: (id) => (id == null ? -1 : (indexById.get(id) ?? -1)) };
  }, [indexById, filtered]);
}

type ImagesState = ReturnType<typeof useImagesStore.getState>;

/** an image's list row by id; a selector for one cell, so only that cell re-renders when its row changes */
export function rowById(state: ImagesState, id: number) {
  const at = state.indexById.get(id);
  return at === undefined ? undefined : state.items[at];
}
