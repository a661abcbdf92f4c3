import { useShallow } from 'zustand/react/shallow';
import { currentShown } from '../../actions/filtered-nav';
import { navPosition, type NavPosition } from '../../logic/filtered-nav';
import { useFilterStore } from '../../stores/filter-store';
import { useImagesStore } from '../../stores/images-store';

/** "n of N" and whether ← / → can move, counted over the filtered images when a filter is on */
export function useNavPosition(): NavPosition & { filtered: boolean } {
  // subscribe to both stores; the shown indices themselves come from the shared memo
  const ids = useFilterStore((s) => s.ids);
  return useImagesStore(
    useShallow((s) => ({ ...navPosition(currentShown(), s.index, s.items.length), filtered: ids !== null })),
  );
}
