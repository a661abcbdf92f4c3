import { closeExportDialog, restoreExportDialog } from '../../actions/export';
import { progressLabel } from '../../logic/progress-label';
import { jobOfKind, useExportStore } from '../../stores/export-store';
import { useFilterStore } from '../../stores/filter-store';
import { useJobsStore } from '../../stores/jobs-store';

/**
 * The dialog folded away while the user looks at the images a report line
 * pointed to (or works on while an export runs): it says what is shown or how
 * far the job is, and brings the dialog back.
 */
export function ExportMinimizedBar() {
  const label = useFilterStore((s) => s.label);
  const stage = useExportStore((s) => s.stage);
  const job = useJobsStore((s) => (stage.kind === 'running' ? jobOfKind(s.running, stage.job) : null));
  const status =
    stage.kind === 'running'
      ? job
        ? progressLabel(job.kind, job.label, job.done, job.total)
        : 'starting…'
      : stage.kind === 'exported'
        ? 'done'
        : label && `showing: ${label}`;
  return (
    <div className="export-minimized" data-testid="export-minimized" role="region" aria-label="Export">
      <span className="export-minimized-text" data-testid="export-minimized-status">
        <strong>Export</strong>
        {status && <span className="muted"> · {status}</span>}
      </span>
      <button type="button" className="primary" data-testid="export-restore" onClick={restoreExportDialog}>
        {stage.kind === 'options' ? 'Back to the report' : 'Open'}
      </button>
      {stage.kind !== 'running' && (
        <button type="button" className="icon-button" aria-label="Close the export" onClick={closeExportDialog}>
          ×
        </button>
      )}
    </div>
  );
}
