import { closeExportDialog, restoreExportDialog } from '../actions/export';
import { useFilterStore } from '../stores/filter-store';

/**
 * The dialog folded away while the user looks at the images a report line
 * pointed to: it says which images are shown and brings the report back.
 */
export function ExportMinimizedBar() {
  const label = useFilterStore((s) => s.label);
  return (
    <div className="export-minimized" data-testid="export-minimized" role="region" aria-label="Export">
      <span className="export-minimized-text">
        <strong>Export</strong>
        {label && <span className="muted"> · showing: {label}</span>}
      </span>
      <button type="button" className="primary" data-testid="export-restore" onClick={restoreExportDialog}>
        Back to the report
      </button>
      <button type="button" className="icon-button" aria-label="Close the export" onClick={closeExportDialog}>
        ×
      </button>
    </div>
  );
}
