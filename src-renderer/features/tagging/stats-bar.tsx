import { useShallow } from 'zustand/react/shallow';
import { useSessionStore } from '../../stores/session-store';

const n = (value: number) => value.toLocaleString('en-US');

/** Rounded down, so 99.6% never reads as done. */
export const percentText = (percent: number) => `${Math.floor(percent)}%`;

export function StatsBar() {
  const stats = useSessionStore(useShallow((s) => s.stats));
  if (!stats) return null;
  return (
    <dl className="stats-bar" data-testid="stats">
      <div>
        <dt>Total</dt>
        <dd data-testid="stat-total">{n(stats.total)}</dd>
      </div>
      <div>
        <dt>Tagged</dt>
        <dd data-testid="stat-tagged">{n(stats.tagged)}</dd>
      </div>
      <div>
        <dt>Skipped</dt>
        <dd data-testid="stat-skipped">{n(stats.skipped)}</dd>
      </div>
      <div>
        <dt>Remaining</dt>
        <dd data-testid="stat-remaining">{n(stats.remaining)}</dd>
      </div>
    </dl>
  );
}
