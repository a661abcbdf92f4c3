import { useState } from 'react';
import type { BatchTarget } from '../../../src-shared/contract/index';
import { runAutotag } from '../../actions/autotag';
import { type Provider, useAutotagStore } from '../../stores/autotag-store';
import { providerText, runText } from './autotag-text';
import { FailureList } from '../../widgets/failure-list';
import { JobProgress } from './job-progress';

const PROVIDERS: ReadonlyArray<{ value: Provider; label: string }> = [
  { value: 'auto', label: 'Fastest available' },
  { value: 'cpu', label: 'CPU' },
  { value: 'cuda', label: 'CUDA (NVIDIA)' },
  { value: 'dml', label: 'DirectML (Windows)' },
  { value: 'coreml', label: 'Core ML (macOS)' },
];

/**
 * Scoring: where the model runs, Run, its progress with the time left and a
 * Cancel, then what it did (scored, failed, scored before) and on what, with
 * the reason when a faster provider could not be used. Scores are kept: the
 * thresholds below re-apply them without running the model again.
 */
export function RunSection({ target, targetLabel }: { target: BatchTarget | null; targetLabel: string }) {
  const modelId = useAutotagStore((s) => s.modelId);
  const lastRun = useAutotagStore((s) => s.lastRun);
  const [provider, setProvider] = useState<Provider>('auto');
  const [running, setRunning] = useState(false);

  const run = async () => {
    if (!target) return;
    setRunning(true);
    await runAutotag(target, provider);
    setRunning(false);
  };

  return (
    <div className="autotag-run" data-testid="autotag-run-section">
      <label className="inline-field">
        Run on
        <select data-testid="autotag-provider" value={provider} onChange={(e) => setProvider(e.target.value as Provider)}>
          {PROVIDERS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-buttons">
        <button
          type="button"
          className="primary"
          data-testid="autotag-run"
          disabled={running || !target || modelId === null}
          title={modelId === null ? 'Choose a model first' : undefined}
          onClick={() => void run()}
        >
          {running ? 'Scoring…' : `Score ${targetLabel}`}
        </button>
      </div>
      <JobProgress kind="autotag" testId="autotag-progress" />
      {lastRun && !running && (
        <p className={lastRun.failed > 0 || lastRun.cancelled ? 'autotag-result autotag-result-warn' : 'autotag-result'} data-testid="autotag-run-result">
          <span data-testid="autotag-run-counts" data-scored={lastRun.scored} data-failed={lastRun.failed} data-skipped={lastRun.skipped}>
            {runText(lastRun)}
          </span>
          <span className={lastRun.fallback ? 'autotag-provider autotag-fallback' : 'autotag-provider muted'} data-testid="autotag-run-provider">
            {providerText(lastRun)}
          </span>
        </p>
      )}
      {lastRun && !running && <FailureList failures={lastRun.failures} testId="autotag-failure" />}
    </div>
  );
}
