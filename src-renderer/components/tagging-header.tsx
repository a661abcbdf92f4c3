import { useShallow } from 'zustand/react/shallow';
import { openExportDialog } from '../actions/export';
import { closeFolder, saveSession } from '../actions/session-flow';
import { useImagesStore } from '../stores/images-store';
import { useSessionStore } from '../stores/session-store';
import { setShortcutsOpen } from '../stores/ui-store';
import { percentText, StatsBar } from './stats-bar';

export function TaggingHeader() {
  const { name, root, percent } = useSessionStore(
    useShallow((s) => ({ name: s.session?.name ?? '', root: s.session?.datasetDir ?? '', percent: s.stats?.percent ?? 0 })),
  );
  const { position, total } = useImagesStore(useShallow((s) => ({ position: s.index + 1, total: s.items.length })));

  return (
    <header className="tagging-header">
      <div className="tagging-title">
        <h1 title={root} data-testid="folder-name">
          {name}
        </h1>
        <span className="position" data-testid="position">
          {total === 0 ? 'No images' : `${position.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
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
          aria-label="Keyboard shortcuts (?)"
          title="Keyboard shortcuts (?)"
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
