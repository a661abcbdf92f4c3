import { openCaptionerPanel } from '../../actions/captioner';

/** The toolbar's way into captions written by a vision-language model (also the C key): shows the panel in the editing column. */
export function CaptionerButton() {
  return (
    <button type="button" data-testid="captioner-open" title="Write captions with a vision-language model: set up, run, review (C)" onClick={openCaptionerPanel}>
      AI captions
    </button>
  );
}
