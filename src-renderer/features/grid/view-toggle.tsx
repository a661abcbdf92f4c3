import { toggleView, useViewStore } from '../../stores/view-store';

/** Switches between the single image (with its filmstrip) and the grid; G does the same. */
export function ViewToggle() {
  const grid = useViewStore((s) => s.mode === 'grid');
  return (
    <button
      type="button"
      className="view-toggle"
      data-testid="view-toggle"
      data-view={grid ? 'grid' : 'single'}
      aria-pressed={grid}
      title={grid ? 'Back to the single image (G or Esc)' : 'Show all images as a grid (G)'}
      onClick={toggleView}
    >
      {grid ? 'Single view' : 'Grid'}
    </button>
  );
}
