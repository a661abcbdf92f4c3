import { cancelExportJob } from '../../actions/export';
import { progressLabel } from '../../logic/progress-label';
import { jobOfKind } from '../../stores/export-store';
import { useJobsStore } from '../../stores/jobs-store';
import { ProgressBar } from '../../widgets/progress-bar';

const STARTING = { check: 'Starting the check…', export: 'Starting the export…' } as const;

/** Progress of the check or export under way, from main's job events, with its Cancel. */
export function ExportJobProgress({ job }: { job: 'check' | 'export' }) {
  const progress = useJobsStore((s) => jobOfKind(s.running, job));
  return (
    <div className="export-progress" data-testid="export-progress">
      {progress ? (
        <ProgressBar label={progressLabel(progress.kind, progress.label, progress.done, progress.total)} done={progress.done} total={progress.total} />
      ) : (
        <ProgressBar label={STARTING[job]} done={0} total={0} />
      )}
      {/* until the job's first event arrives there is no id to cancel by */}
      <button type="button" data-testid="export-cancel" disabled={!progress} onClick={() => void cancelExportJob()}>
        Cancel
      </button>
    </div>
  );
}
