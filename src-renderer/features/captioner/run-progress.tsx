import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cancelCaptionRun } from '../../actions/captioner';
import { etaText, type ProgressSample, secondsLeft } from '../../logic/job-eta';
import { progressLabel } from '../../logic/progress-label';
import { useJobsStore } from '../../stores/jobs-store';
import { ProgressBar } from '../../widgets/progress-bar';

/**
 * The caption run on its way, from main's job events: images answered of the
 * total, the time left at the pace since the first answer, and Cancel (the
 * answers so far are kept; a run with the same settings takes up the rest).
 */
export function RunProgress() {
  const job = useJobsStore(useShallow((s) => Object.values(s.running).findLast((j) => j.kind === 'caption') ?? null));
  // the first sample of this job that showed progress: the pace is measured from there
  const first = useRef<{ jobId: string; sample: ProgressSample } | null>(null);
  if (!job) return <p className="muted captioner-starting">Starting…</p>;
  const now: ProgressSample = { at: performance.now(), done: job.done };
  if (first.current?.jobId !== job.jobId) first.current = { jobId: job.jobId, sample: now };
  const left = etaText(secondsLeft(first.current.sample, now, job.total));
  const label = progressLabel(job.kind, job.label, job.done, job.total);
  return (
    <div className="batch-progress captioner-progress" data-testid="captioner-progress">
      <ProgressBar label={left ? `${label} · ${left}` : label} done={job.done} total={job.total} />
      <button type="button" className="link-button" data-testid="captioner-cancel" onClick={() => void cancelCaptionRun()}>
        Cancel
      </button>
    </div>
  );
}
