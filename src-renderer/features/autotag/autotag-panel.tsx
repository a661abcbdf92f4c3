import '../../styles/forms.css';
import './autotag.css';
import { useEffect, useMemo, useState } from 'react';
import { loadModels, loadRuns } from '../../actions/autotag';
import { buildTarget, defaultTarget } from '../batch/batch-target';
import { BatchTargetChoice } from '../batch/batch-target-choice';
import { type TargetKind, targetText } from '../batch/batch-text';
import { useTargetInputs } from '../batch/use-target-inputs';
import { ApplySection } from './apply-section';
import { ModelPicker } from './model-picker';
import { ReviewTab } from './review-tab';
import { RunSection } from './run-section';
import { useHoveredTag } from './use-hovered-tag';

type View = 'tag' | 'review';

/**
 * Machine tagging: choose a model, score the chosen images (every score is
 * kept), shape the thresholds with a live count of what would change, and
 * apply, append, replace or as suggestions; the Review tab settles the model's
 * tags across the dataset. Stays mounted when hidden, so nothing typed is lost.
 */
export function AutotagPanel({ active }: { active: boolean }) {
  const [view, setView] = useState<View>('tag');
  const inputs = useTargetInputs();
  const [chosenTarget, setChosenTarget] = useState<TargetKind | null>(null);
  const kind = chosenTarget ?? defaultTarget(inputs);
  const { selected, filterQuery, filterIds, filterHasError, filterLabel, total } = inputs;
  // kept stable while its inputs are: the preview is asked again only when the target really changes
  const target = useMemo(
    () => buildTarget(kind, { selected, filterQuery, filterIds, filterHasError, filterLabel, total }),
    [kind, selected, filterQuery, filterIds, filterHasError, filterLabel, total],
  );
  useHoveredTag(active);

  useEffect(() => {
    if (!active) return;
    void loadModels();
    void loadRuns();
  }, [active]);

  return (
    <section className="batch-panel autotag-panel" aria-label="Auto-tag" data-testid="autotag-panel">
      <div className="segmented autotag-views" role="tablist">
        {(['tag', 'review'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className={view === v ? 'segment segment-on' : 'segment'}
            data-testid={`autotag-view-${v}`}
            onClick={() => setView(v)}
          >
            {v === 'tag' ? 'Score and apply' : 'Review model tags'}
          </button>
        ))}
      </div>
      {view === 'review' ? (
        <ReviewTab active={active} />
      ) : (
        <>
          <ModelPicker />
          <BatchTargetChoice name="autotag-target" value={kind} inputs={inputs} onChange={setChosenTarget} />
          {target.reason && (
            <p className="field-problem" data-testid="autotag-target-problem">
              {target.reason}
            </p>
          )}
          <RunSection target={target.target} targetLabel={target.target ? targetText(kind, target.count) : 'images'} />
          <hr className="autotag-rule" />
          <ApplySection target={target.target} active={active} />
        </>
      )}
    </section>
  );
}
