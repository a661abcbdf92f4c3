import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TargetInputs } from './batch-target';
import { useFilterStore } from '../../stores/filter-store';
import { useImagesStore } from '../../stores/images-store';
import { useSelectionStore } from '../../stores/selection-store';

/** What the batch panel needs to know to name its target: the selection in list order, the filter, the total. */
export function useTargetInputs(): TargetInputs {
  const selectedSet = useSelectionStore((s) => s.selected);
  const { indexById, total } = useImagesStore(useShallow((s) => ({ indexById: s.indexById, total: s.items.length })));
  const filter = useFilterStore(
    useShallow((s) => ({ query: s.query, ids: s.ids, hasError: s.error !== null, label: s.label })),
  );
  const selected = useMemo(() => {
    // ids the list no longer has (a file removed since) are dropped, not sent
    const known = [...selectedSet].filter((id) => indexById.has(id));
    return known.sort((a, b) => indexById.get(a)! - indexById.get(b)!);
  }, [selectedSet, indexById]);
  return {
    selected,
    filterQuery: filter.query,
    filterIds: filter.ids,
    filterHasError: filter.hasError,
    filterLabel: filter.label,
    total,
  };
}
