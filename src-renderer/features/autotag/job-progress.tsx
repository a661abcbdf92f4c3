import { useShallow } from 'zustand/react/shallow';
import type { JobKind } from '../../../src-shared/contract';
import { progressLabel } from '../../logic/progress-label';
import { useJobsStore } from '../../stores/jobs-store';
import { showToast } from '../../stores/ui-store';
import { call } from '../../transport/api';
import { ProgressBar } from '../../widgets/progress-bar';
import { formatBytes } from '../preview/format-bytes';

/**
 * A running download or tagging run from main's job events: done / total, the
 * time left main puts in the label, and a Cancel that asks main to stop it (a
 * download resumes where it stopped; a run's scored images are kept).
 */
export function JobProgress({ kind, testId }: { kind: JobKind; testId: string }) {
  const job = useJobsStore(useShallow((s) => Object.values(s.running).findLast((j) => j.kind === kind) ?? null));
  if (!job) return null;
  const cancel = async () => {
    const result = await call('jobs.cancel', { jobId: job.jobId });
    if (!result.ok) showToast(`Could not cancel: ${result.error.message}`, 'error');
  };
  // a download counts bytes: "12.5 MB of 300 MB" reads, "12,500,000 / 300,000,000" does not
  const label =
    job.kind === 'model-download' && job.total > 0
      ? `${job.label} · ${formatBytes(job.done)} of ${formatBytes(job.total)}`
      : progressLabel(job.kind, job.label, job.done, job.total);
  return (
    <div className="autotag-progress" data-testid={testId}>
      <ProgressBar label={label} done={job.done} total={job.total} />
      <button type="button" className="link-button" data-testid={`${testId}-cancel`} onClick={() => void cancel()}>
        Cancel
      </button>
    </div>
  );
}
