import { useShallow } from 'zustand/react/shallow';
import { cancelCaptionRun } from '../../actions/captioner';
import { progressLabel } from '../../logic/progress-label';
import { useJobsStore } from '../../stores/jobs-store';
import { ProgressBar } from '../../widgets/progress-bar';

/**
 * The caption run on its way, from main's job events: images answered of the
 * total, the time left main puts in the label at the pace so far, and Cancel
 * (the answers so far are kept; a run with the same settings takes up the rest).
 */
export function RunProgress() {
  const job = useJobsStore(useShallow((s) => Object.values(s.running).findLast((j) => j.kind === 'caption') ?? null));
  if (!job) return <p className="muted captioner-starting">Starting…</p>;
  return (
    <div className="batch-progress captioner-progress" data-testid="captioner-progress">
      <ProgressBar label={progressLabel(job.kind, job.label, job.done, job.total)} done={job.done} total={job.total} />
      <button type="button" className="link-button" data-testid="captioner-cancel" onClick={() => void cancelCaptionRun()}>
        Cancel
      </button>
    </div>
  );
}
