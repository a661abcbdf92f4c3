import { closeExportDialog, runCheck, runExport } from '../../actions/export';
import { blockingReason } from './report-reading';
import { useExportStore } from '../../stores/export-store';
import { ExportJobProgress } from './export-job-progress';

interface ExportFooterProps {
  /** the first field the options schema refuses, or null when the form reads as valid options */
  invalid: string | null;
  /** a report exists but was made with other options */
  stale: boolean;
}

/**
 * Check first, then Export: Export waits for a report made with the current
 * options, and stays off with the reason when the report says the trainer
 * would refuse the dataset.
 */
export function ExportFooter({ invalid, stale }: ExportFooterProps) {
  const valid = invalid === null;
  const stage = useExportStore((s) => s.stage);
  const report = useExportStore((s) => s.report);
  if (stage.kind === 'running') {
    return (
      <footer className="export-footer">
        <ExportJobProgress job={stage.job} />
      </footer>
    );
  }
  const blocked = report ? blockingReason(report) : null;
  const needsCheck = !report || stale;
  const canExport = valid && !needsCheck && blocked === null;
  const reason = !valid
    ? `Correct this first: ${invalid}`
    : !report
      ? 'Check the dataset before exporting.'
      : stale
        ? 'The options changed: check again.'
        : blocked;
  return (
    <footer className="export-footer">
      <p className={blocked && !needsCheck ? 'export-reason export-reason-blocked' : 'export-reason'} data-testid="export-reason">
        {reason}
      </p>
      <div className="export-buttons">
        <button type="button" data-testid="export-close" onClick={closeExportDialog}>
          Close
        </button>
        <button
          type="button"
          className={needsCheck ? 'primary' : undefined}
          data-testid="export-check"
          disabled={!valid}
          onClick={() => void runCheck()}
        >
          {report ? 'Check again' : 'Check'}
        </button>
        <button
          type="button"
          className={canExport ? 'primary' : undefined}
          data-testid="export-run"
          disabled={!canExport}
          title={reason ?? undefined}
          onClick={() => void runExport()}
        >
          Export
        </button>
      </div>
    </footer>
  );
}
