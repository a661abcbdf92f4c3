import { applyFilter, useFilterStore } from '../stores/filter-store';

/**
 * Run the filter query again after a dataset-wide change (a batch edit, an
 * undo): "tags:=0" must not keep listing images that now have tags. Single
 * edits do not refresh it, so the image being tagged never vanishes mid-work.
 * An explicit set handed over by another view (a label, no query) is left as it is.
 */
export async function refreshFilter(): Promise<void> {
  const { query, label } = useFilterStore.getState();
  if (label !== null || query.trim() === '') return;
  await applyFilter(query);
}
