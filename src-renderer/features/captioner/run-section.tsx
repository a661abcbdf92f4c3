import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runCaptions } from '../../actions/captioner';
import { type CaptionRun, useCaptionerStore } from '../../stores/captioner-store';
import { FailureList } from '../../widgets/failure-list';
import { buildTarget, defaultTarget } from '../batch/batch-target';
import { type TargetKind, targetText } from '../batch/batch-text';
import { BatchTargetChoice } from '../batch/batch-target-choice';
import { useTargetInputs } from '../batch/use-target-inputs';
import { buildRunRequest } from './captioner-form';
import { runButtonText, runText } from './captioner-text';
import { RunProgress } from './run-progress';


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
  const { form, backendIds, model, presets, running, lastRun, latest } = useCaptionerStore(
    useShallow((s) => ({
      form: s.form,
      backendIds: s.backendIds,
      model: s.model,
      presets: s.prompts?.presets,
      running: s.running,
      lastRun: s.lastRun,
      latest: s.runs.at(-1) ?? null,
    })),
  );
  // a run cut short (a quit, a crash) is taken up by the next one with the same settings
  const cutShort = !running && latest !== null && latest.finishedAt === null && lastRun?.runId !== latest.id ? latest : null;
  const built = buildRunRequest(form, { target: target.target, targetProblem: target.reason, backendIds, model, presets: presets ?? [] });

  return (
    // held at the panel's foot while the form above scrolls: Run, and what the last run did, always in sight
    <fieldset className="captioner-section captioner-run-bar" data-testid="captioner-run">
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
      {cutShort && (
        <p className="merge-note" data-testid="captioner-cut-short">
          Run #{cutShort.id} with {cutShort.model} stopped before it ended. Caption again with the same settings: the images it answered are not sent again.
        </p>
      )}
      {lastRun && !running && <RunOutcome run={lastRun} onReview={onReview} />}
    </fieldset>
  );
}

/** what the last run did: counts, each failed image with its reason, and the way to the review */
function RunOutcome({ run, onReview }: { run: CaptionRun; onReview(): void }) {
  return (
    <div className="captioner-outcome" data-testid="captioner-run-result" data-captioned={run.captioned} data-failed={run.failed}>
      <p className={run.failed > 0 || run.cancelled ? 'batch-result batch-result-warn' : 'batch-result'}>{runText(run)}</p>
      <FailureList failures={run.failures} testId="captioner-failure" more="(Review, Show: Failed)" />
      {run.captioned > 0 && (
        <button type="button" className="link-button" data-testid="captioner-to-review" onClick={onReview}>
          Review the suggestions →
        </button>
      )}
    </div>
  );
}
