import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { acceptSuggestions, loadReview, rejectSuggestions } from '../../actions/captioner';
import { type ResultStatus, type ReviewMode, setReviewMode, useCaptionerStore } from '../../stores/captioner-store';
import { acceptAllText, againText, rejectAllText, runLabel } from './captioner-text';
import { ImageHistory } from './image-history';
import { ReviewCard } from './review-card';

type StatusChoice = ResultStatus | 'all';

const MODES: ReadonlyArray<{ value: ReviewMode; label: string; title: string }> = [
  { value: 'replace', label: 'Replace caption', title: 'The caption becomes the suggestion' },
  { value: 'append', label: 'Append after tags', title: 'The suggestion goes after the existing tags (tags + caption)' },
];

interface ReviewSectionProps {
  /** start a run again over the images a person rejected in this run */
  onRunAgain(runId: number): void;
}

/**
 * A run's suggestions beside the captions they would replace: filtered by
 * status, accepted or rejected one by one or all pending at once, in replace
 * or append mode. Each accept is one undoable step (the toolbar's Undo).
 */
export function ReviewSection({ onRunAgain }: ReviewSectionProps) {
  const { runs, runId, review, error, mode } = useCaptionerStore(
    useShallow((s) => ({ runs: s.runs, runId: s.reviewRunId, review: s.review, error: s.reviewError, mode: s.mode })),
  );
  const run = runs.find((r) => r.id === runId) ?? null;
  const status: StatusChoice = review?.runId === runId ? review.status : 'pending';

  useEffect(() => {
    if (runId !== null && review?.runId !== runId) void loadReview(runId, 'pending');
  }, [runId, review?.runId]);

  if (runs.length === 0 || !run) return <p className="muted" data-testid="captioner-no-runs">No captions to review yet: run the captioner first.</p>;

  const statuses: ReadonlyArray<{ value: StatusChoice; label: string; count: number }> = [
    { value: 'pending', label: 'To review', count: run.pending },
    { value: 'accepted', label: 'Accepted', count: run.accepted },
    { value: 'rejected', label: 'Rejected', count: run.rejected },
    { value: 'failed', label: 'Failed', count: run.failed },
    { value: 'all', label: 'All', count: run.images },
  ];

  return (
    <div className="captioner-review" data-testid="captioner-review">
      <label className="field">
        <span>Run</span>
        <select data-testid="captioner-review-run" value={run.id} onChange={(e) => void loadReview(Number(e.target.value), 'pending')}>
          {[...runs].reverse().map((r) => (
            <option key={r.id} value={r.id}>
              {runLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <details className="captioner-details" data-testid="captioner-run-facts">
        <summary>What produced these</summary>
        <dl className="captioner-facts">
          <dt>Model</dt>
          <dd>{run.model}</dd>
          <dt>Backends</dt>
          <dd>{run.backends.join(', ')}</dd>
          <dt>Prompt</dt>
          <dd className="captioner-prompt-text">{run.prompt}</dd>
        </dl>
      </details>
      <ImageHistory />
      <div className="captioner-row">
        <label className="field captioner-grow">
          <span>Show</span>
          <select data-testid="captioner-status" value={status} onChange={(e) => void loadReview(run.id, e.target.value as StatusChoice)}>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label} ({s.count.toLocaleString('en-US')})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="segmented captioner-views" role="radiogroup" aria-label="Accepting">
        {MODES.map((m) => (
          <label key={m.value} className={mode === m.value ? 'segment segment-on' : 'segment'} title={m.title}>
            <input type="radio" name="captioner-mode" data-testid={`captioner-mode-${m.value}`} checked={mode === m.value} onChange={() => setReviewMode(m.value)} />
            {m.label}
          </label>
        ))}
      </div>
      <div className="captioner-bulk">
        <button type="button" className="primary" data-testid="captioner-accept-all" disabled={run.pending === 0} onClick={() => void acceptSuggestions(run.id, 'all-pending')}>
          {acceptAllText(run.pending)}
        </button>
        <button type="button" data-testid="captioner-reject-all" disabled={run.pending === 0} onClick={() => void rejectSuggestions(run.id, 'all-pending')}>
          {rejectAllText(run.pending)}
        </button>
        {run.rejected > 0 && (
          <button type="button" className="link-button" data-testid="captioner-run-again" onClick={() => onRunAgain(run.id)}>
            {againText(run.rejected)}
          </button>
        )}
      </div>
      {error && (
        <p className="field-problem" role="alert" data-testid="captioner-review-error">
          {error}
        </p>
      )}
      {review && review.runId === run.id && (
        <>
          {review.results.length === 0 ? (
            <p className="muted">Nothing here.</p>
          ) : (
            <p className="muted captioner-keys">On a suggestion: A accept · E edit · R reject · ↑ ↓ next and previous</p>
          )}
          <ul className="captioner-cards">
            {review.results.map((r) => (
              <ReviewCard key={`${r.runId}:${r.imageId}`} result={r} />
            ))}
          </ul>
          {review.results.length < review.total && (
            <button type="button" className="link-button" data-testid="captioner-more" onClick={() => void loadReview(run.id, status, true)}>
              Show more ({(review.total - review.results.length).toLocaleString('en-US')} left)
            </button>
          )}
        </>
      )}
    </div>
  );
}
