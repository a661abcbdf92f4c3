import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runCaptions } from '../../actions/captioner';
import { useCaptionerStore } from '../../stores/captioner-store';
import { buildTarget, defaultTarget } from '../batch/batch-target';
import { type TargetKind, targetText } from '../batch/batch-text';
import { BatchTargetChoice } from '../batch/batch-target-choice';
import { useTargetInputs } from '../batch/use-target-inputs';
import { buildRunRequest } from './captioner-form';
import { runButtonText, runText } from './captioner-text';
import { RunProgress } from './run-progress';

const FAILURES_SHOWN = 50;

/** The images to caption (as the batch panel chooses them), Run, its progress, and what came of it. */
export function RunSection({ onReview }: { onReview(): void }) {
  const inputs = useTargetInputs();
  const [chosen, setChosen] = useState<TargetKind | null>(null);
  const kind = chosen ?? defaultTarget(inputs);
  const { selected, filterQuery, filterIds, filterHasError, filterLabel, total } = inputs;
  const target = useMemo(
    () => buildTarget(kind, { selected, filterQuery, filterIds, filterHasError, filterLabel, total }),
    [kind, selected, filterQuery, filterIds, filterHasError, filterLabel, total],
  );
  const { form, backendIds, model, presets, running, lastRun } = useCaptionerStore(
    useShallow((s) => ({ form: s.form, backendIds: s.backendIds, model: s.model, presets: s.prompts?.presets, running: s.running, lastRun: s.lastRun })),
  );
  const built = buildRunRequest(form, { target: target.target, targetProblem: target.reason, backendIds, model, presets: presets ?? [] });

  return (
    <fieldset className="captioner-section" data-testid="captioner-run">
      <legend>Run</legend>
      <BatchTargetChoice name="captioner-target" value={kind} inputs={inputs} onChange={setChosen} />
      {built.problem && (
        <p className="field-problem" data-testid="captioner-run-problem">
          {built.problem}
        </p>
      )}
      {running ? (
        <RunProgress />
      ) : (
        <div className="dialog-buttons">
          <button
            type="button"
            className="primary"
            data-testid="captioner-run-button"
            disabled={built.request === null}
            onClick={() => {
              if (built.request) void runCaptions(built.request).then((run) => run && run.captioned > 0 && onReview());
            }}
          >
            {runButtonText(target.target ? targetText(kind, target.count) : null)}
          </button>
        </div>
      )}
      {lastRun && !running && (
        <div className="captioner-outcome" data-testid="captioner-run-result" data-captioned={lastRun.captioned} data-failed={lastRun.failed}>
          <p className={lastRun.failed > 0 || lastRun.cancelled ? 'batch-result batch-result-warn' : 'batch-result'}>{runText(lastRun)}</p>
          {lastRun.failures.length > 0 && (
            <ul className="captioner-failures" data-testid="captioner-failures">
              {lastRun.failures.slice(0, FAILURES_SHOWN).map((f) => (
                <li key={f.imageId} data-testid="captioner-failure">
                  <span className="captioner-failure-name">{f.name}</span> {f.reason}
                </li>
              ))}
              {lastRun.failures.length > FAILURES_SHOWN && <li className="muted">and {(lastRun.failures.length - FAILURES_SHOWN).toLocaleString('en-US')} more (see Review, Failed)</li>}
            </ul>
          )}
          {lastRun.captioned > 0 && (
            <button type="button" className="link-button" data-testid="captioner-to-review" onClick={onReview}>
              Review the suggestions →
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
