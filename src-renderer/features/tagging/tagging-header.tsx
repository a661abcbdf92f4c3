import { useShallow } from 'zustand/react/shallow';
import { openExportDialog } from '../../actions/export';
import { closeFolder, saveSession } from '../../actions/session-flow';
import { useSessionStore } from '../../stores/session-store';
import { setShortcutsOpen } from '../../stores/ui-store';
import { percentText, StatsBar } from './stats-bar';
import { useNavPosition } from './use-nav-position';

export function TaggingHeader() {
  const { name, root, percent } = useSessionStore(
    useShallow((s) => ({ name: s.session?.name ?? '', root: s.session?.datasetDir ?? '', percent: s.stats?.percent ?? 0 })),
  );
  // counted over the filtered images while a filter is on (see use-nav-position.ts)
  const { position, total, filtered } = useNavPosition();

  return (
    <header className="tagging-header">
      <div className="tagging-title">
        <h1 title={root} data-testid="folder-name">
          {name}
        </h1>
        <span className="position" data-testid="position">
          {total === 0
            ? filtered
              ? 'No image matches the filter'
              : 'No images'
            : `${position === 0 ? '–' : position.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}${filtered ? ' filtered' : ''}`}
        </span>
        <span className="percent" data-testid="percent" title="Tagged, of the images not skipped">
          {percentText(percent)} tagged
        </span>
      </div>
      {/* a thin bar under the title: how much of the dataset is done */}
      <div className="percent-track" aria-hidden="true">
        <div className="percent-fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
      </div>
      <StatsBar />
      <div className="tagging-actions">
        <button type="button" data-testid="save-button" title="Save (Ctrl S)" onClick={() => void saveSession()}>
          Save
        </button>
        <button type="button" data-testid="export-button" title="Export for a trainer (Ctrl E)" onClick={openExportDialog}>
          Export…
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="shortcuts-button"
          aria-label="Keyboard shortcuts and colours (?)"
          title="Keyboard shortcuts and what the colours mean (?)"
          onClick={() => setShortcutsOpen(true)}
        >
          ?
        </button>
        <button type="button" data-testid="close-folder" onClick={() => void closeFolder()}>
          Close folder
        </button>
      </div>
    </header>
  );
}
