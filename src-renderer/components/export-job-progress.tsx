import { cancelExportJob } from '../actions/export';
import { progressLabel } from '../logic/progress-label';
import { type JobProgress, useJobsStore } from '../stores/jobs-store';
import { ProgressBar } from './progress-bar';

const STARTING = { check: 'Starting the check…', export: 'Starting the export…' } as const;

/** the newest running job of this kind: main runs one check or export per request */
const jobOf = (running: Record<string, JobProgress>, kind: 'check' | 'export') =>
  Object.values(running)
    .filter((j) => j.kind === kind)
    .at(-1) ?? null;

/** Progress of the check or export under way, from main's job events, with its Cancel. */
export function ExportJobProgress({ job }: { job: 'check' | 'export' }) {
  const progress = useJobsStore((s) => jobOf(s.running, job));
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
