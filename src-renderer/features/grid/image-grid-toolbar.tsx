import { ViewToggle } from './view-toggle';

/**
 * Above the grid: the way back to the single view, and the grid's keys. How
 * many images are shown and selected is the filter bar's to say, once.
 */
export function GridToolbar() {
  return (
    <div className="grid-toolbar">
      <ViewToggle />
      <span className="grid-hint">
        Enter or double-click opens · Shift+arrows or Shift+click select a range · Space or Ctrl+click toggles
      </span>
    </div>
  );
}
