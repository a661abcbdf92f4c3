import { useState } from 'react';
import type { Conflict } from '../../../src-shared/contract/index';
import { resolveConflict } from '../../actions/caption-edits';

/**
 * The caption file changed on disk after it was read, so an edit was refused
 * (DESIGN invariant 2). Show both texts and let the user pick; nothing is
 * overwritten until they do.
 */
export function ConflictBanner({ imageId, conflict }: { imageId: number; conflict: Conflict }) {
  const [busy, setBusy] = useState(false);
  const choose = (keep: 'disk' | 'mine') => {
    setBusy(true);
    void resolveConflict(imageId, keep).finally(() => setBusy(false));
  };
  return (
    <section className="conflict-banner" data-testid="conflict-banner" role="alert">
      <h3>This caption was changed by another program</h3>
      <p>Your last edit was not written. Choose which text to keep.</p>
      <div className="conflict-texts">
        <div>
          <div className="conflict-label">On disk now</div>
          <pre data-testid="conflict-disk-text">{conflict.diskText || '(empty)'}</pre>
        </div>
        <div>
          <div className="conflict-label">Your version</div>
          <pre data-testid="conflict-mine-text">{conflict.mineText || '(empty)'}</pre>
        </div>
      </div>
      <div className="conflict-buttons">
        <button type="button" data-testid="conflict-keep-disk" disabled={busy} onClick={() => choose('disk')}>
          Keep the file on disk
        </button>
        <button type="button" className="primary" data-testid="conflict-use-mine" disabled={busy} onClick={() => choose('mine')}>
          Use my version
        </button>
      </div>
    </section>
  );
}
