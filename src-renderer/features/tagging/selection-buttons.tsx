import { clearSelection, invertShown, selectAllShown } from '../../actions/selection';
import { useFilterStore } from '../../stores/filter-store';
import { useSelectionStore } from '../../stores/selection-store';

/** Select every image shown (Ctrl A), invert within them, or drop the selection. */
export function SelectionButtons() {
  const count = useSelectionStore((s) => s.selected.size);
  const filtered = useFilterStore((s) => s.ids !== null);
  return (
    <div className="selection-buttons" role="group" aria-label="Selection">
      <button
        type="button"
        data-testid="select-all"
        title={filtered ? 'Select every image the filter shows (Ctrl A)' : 'Select every image (Ctrl A)'}
        onClick={selectAllShown}
      >
        {filtered ? 'Select filtered' : 'Select all'}
      </button>
      <button type="button" data-testid="select-invert" title="Select the shown images that are not selected, and only those" onClick={invertShown}>
        Invert
      </button>
      <button type="button" data-testid="select-clear" disabled={count === 0} onClick={clearSelection}>
        Clear
      </button>
      <span className="selection-count" data-testid="selection-count" data-count={count}>
        {count.toLocaleString('en-US')} selected
      </span>
    </div>
  );
}
