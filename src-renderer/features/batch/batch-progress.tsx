import { useShallow } from 'zustand/react/shallow';
import { progressLabel } from '../../logic/progress-label';
import { useJobsStore } from '../../stores/jobs-store';
import { call } from '../../transport/api';
import { showToast } from '../../stores/ui-store';
import { ProgressBar } from '../../widgets/progress-bar';

/**
 * The running batch edit, or undo/redo (kind 'history'), from main's job
 * events. A batch edit has a Cancel that asks main to stop it; an undo runs to
 * its end, as a step half put back would be neither done nor undone.
 */
export function BatchProgress({ kind = 'batch' }: { kind?: 'batch' | 'history' }) {
  const job = useJobsStore(useShallow((s) => Object.values(s.running).findLast((j) => j.kind === kind) ?? null));
  if (!job) return null;
  const cancel = async () => {
    const result = await call('jobs.cancel', { jobId: job.jobId });
    if (!result.ok) showToast(`Could not cancel: ${result.error.message}`, 'error');
  };
  return (
    <div className="batch-progress" data-testid={kind === 'batch' ? 'batch-progress' : 'history-progress'}>
      <ProgressBar label={progressLabel(job.kind, job.label, job.done, job.total)} done={job.done} total={job.total} />
      {kind === 'batch' && (
        <button type="button" className="link-button" data-testid="batch-cancel" onClick={() => void cancel()}>
          Cancel
        </button>
      )}
    </div>
  );
}
