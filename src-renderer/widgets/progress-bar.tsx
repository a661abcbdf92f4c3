import { progressPercent } from '../logic/progress-label';

interface ProgressBarProps {
  label: string;
  done: number;
  total: number;
}

/** A determinate bar when the total is known, an indeterminate one (animated in CSS) while it is not. */
export function ProgressBar({ label, done, total }: ProgressBarProps) {
  const percent = progressPercent(done, total);
  return (
    <div className="progress" data-testid="progress-bar">
      <div className="progress-label" data-testid="progress-label">
        {label}
      </div>
      <div
        className={percent === null ? 'progress-track progress-indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total > 0 ? total : undefined}
        aria-valuenow={total > 0 ? done : undefined}
      >
        {/* width set through the CSSOM (React's style prop), which the page's CSP allows */}
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
