import '../styles/welcome.css';
import { useShallow } from 'zustand/react/shallow';
import { cancelOpening } from '../actions/open-folder';
import { ProgressBar } from '../widgets/progress-bar';
import { progressLabel } from '../logic/progress-label';
import { latestJob, useJobsStore } from '../stores/jobs-store';
import type { Phase } from '../stores/session-store';

type OpeningPhase = Extract<Phase, { kind: 'probing' | 'opening' }>;

/** While a folder is looked at or scanned/imported: what is happening, how far, and a way out. */
export function OpeningScreen({ phase }: { phase: OpeningPhase }) {
  const job = useJobsStore(
    useShallow((s) => {
      const j = latestJob(s);
      return j ? { jobId: j.jobId, kind: j.kind, label: j.label, done: j.done, total: j.total } : null;
    }),
  );
  const label =
    phase.kind === 'probing'
      ? `Looking at ${phase.path}…`
      : job
        ? progressLabel(job.kind, job.label, job.done, job.total)
        : `Opening ${phase.path}…`;

  return (
    <main className="welcome opening" data-testid="opening-screen">
      <h1 className="opening-title">{phase.path}</h1>
      <ProgressBar label={label} done={job?.done ?? 0} total={phase.kind === 'opening' ? (job?.total ?? 0) : 0} />
      {phase.kind === 'opening' && (
        <button
          type="button"
          data-testid="cancel-job"
          disabled={!job}
          title={job ? 'Stop; nothing already written is lost' : 'Nothing to cancel yet'}
          onClick={() => void cancelOpening()}
        >
          Cancel
        </button>
      )}
    </main>
  );
}
