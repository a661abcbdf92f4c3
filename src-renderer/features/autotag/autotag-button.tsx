import { openAutotagPanel } from '../../actions/autotag';

/** The toolbar's way into machine tagging (also the T key): shows the auto-tag panel in the editing column. */
export function AutotagButton() {
  return (
    <button type="button" data-testid="autotag-open" title="Tag images with a model: score, set thresholds, apply (T)" onClick={openAutotagPanel}>
      Auto-tag
    </button>
  );
}
