import type { ImageStatus } from '../../../src-shared/contract/index';
import { setSkip } from '../../actions/caption-edits';

const STATUS_TEXT: Record<ImageStatus, string> = {
  todo: 'Not tagged yet',
  tagged: 'Tagged',
  skip: 'Skipped: left out of the dataset',
};

/** The image's review status, and the switch that leaves it out of training. */
export function SkipToggle({ imageId, status }: { imageId: number; status: ImageStatus }) {
  const skipped = status === 'skip';
  return (
    <div className="skip-row">
      <span className={`status status-${status}`} data-testid="image-status" data-status={status}>
        {STATUS_TEXT[status]}
      </span>
      <label className="skip-toggle" title="Leave this image out of training; its caption is kept">
        <input
          type="checkbox"
          data-testid="skip-toggle"
          checked={skipped}
          onChange={(e) => void setSkip(imageId, e.target.checked)}
        />
        Skip
      </label>
    </div>
  );
}
