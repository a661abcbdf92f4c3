import { useMemo, useState } from 'react';
import type { BatchTarget } from '../../../src-shared/contract/index';
import { type AutotagApplied, applyAutotag } from '../../actions/autotag';
import { type ApplyMode, chooseRun, useAutotagStore } from '../../stores/autotag-store';
import { useSessionStore } from '../../stores/session-store';
import { resultText } from '../batch/batch-text';
import { modelName, previewText, suggestedText } from './autotag-text';
import { ScoreHistogram } from './score-histogram';
import { ThresholdFields } from './threshold-fields';
import { buildSettings, initialThresholds, type ThresholdForm } from './threshold-form';
import { useAutotagPreview } from './use-autotag-preview';

const MODES: ReadonlyArray<{ value: ApplyMode; label: string; title: string }> = [
  { value: 'append', label: 'Append', title: "Keep each image's tags and add the model's after them" },
  { value: 'replace', label: 'Replace', title: "The caption becomes the trigger word, the always-added tags and the model's, highest score first" },
  { value: 'suggest', label: 'Suggest only', title: 'Write nothing: each image shows the tags as suggestions to accept or turn down' },
];

/**
 * From kept scores to tags: which run, the thresholds (each move previewed at
 * once as "N images gain M tags"), the histogram of the tag under the
 * pointer, the mode, and Apply, one step of undo.
 */
export function ApplySection({ target, active }: { target: BatchTarget | null; active: boolean }) {
  const runs = useAutotagStore((s) => s.runs);
  const runId = useAutotagStore((s) => s.runId);
  const spaces = useSessionStore((s) => s.session?.underscoresToSpaces ?? false);
  const [form, setForm] = useState<ThresholdForm>(() => initialThresholds(spaces));
  const [mode, setMode] = useState<ApplyMode>('append');
  const [applying, setApplying] = useState(false);
  const [last, setLast] = useState<{ mode: ApplyMode; result: AutotagApplied } | null>(null);

  const built = buildSettings(form);
  const settings = built.settings;
  const request = useMemo(
    () => (runId !== null && target && settings ? { runId, target, mode, settings } : null),
    // settings is rebuilt on every render; its text says whether it changed
    [runId, target, mode, JSON.stringify(settings)],
  );
  const preview = useAutotagPreview(applying || !active ? null : request);
  const cuts = preview.kind === 'ready' ? preview.preview.cuts : null;
  const changes = preview.kind === 'ready' ? preview.preview.gaining.images + preview.preview.losing.images : 0;
  const canApply = request !== null && !applying && (mode === 'suggest' ? preview.kind === 'ready' && preview.preview.scored > 0 : changes > 0);

  const change = (patch: Partial<ThresholdForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setLast(null);
  };

  const apply = async () => {
    if (!request || !canApply) return;
    setApplying(true);
    const result = await applyAutotag(request.runId, request.target, request.mode, request.settings);
    setApplying(false);
    if (result) setLast({ mode: request.mode, result });
  };

  if (runs.length === 0) {
    return <p className="muted" data-testid="autotag-no-runs">Score some images first: their scores are kept, and the thresholds below then apply them.</p>;
  }
  return (
    <div className="autotag-apply" data-testid="autotag-apply-section">
      <label className="field">
        <span>Scores from</span>
        <select data-testid="autotag-run-choice" value={runId ?? ''} onChange={(e) => chooseRun(Number(e.target.value))}>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              Run {r.id}: {modelName(r.modelId)}, {r.images.toLocaleString('en-US')} images{r.finishedAt === null ? ' (cut short)' : ''}
            </option>
          ))}
        </select>
      </label>
      <ThresholdFields form={form} problem={built.problem} onChange={change} />
      <p className="autotag-preview" data-testid="autotag-preview" data-state={preview.kind} role="status">
        {preview.kind === 'ready' && previewText(preview.preview)}
        {preview.kind === 'loading' && <span className="muted">Counting…</span>}
        {preview.kind === 'error' && <span className="field-problem">{preview.message}</span>}
      </p>
      <ScoreHistogram runId={runId} cuts={cuts} />
      <div className="segmented" role="radiogroup" aria-label="Apply as">
        {MODES.map((m) => (
          <label key={m.value} className={mode === m.value ? 'segment segment-on' : 'segment'} title={m.title}>
            <input
              type="radio"
              name="autotag-mode"
              data-testid={`autotag-mode-${m.value}`}
              checked={mode === m.value}
              onChange={() => {
                setMode(m.value);
                setLast(null);
              }}
            />
            {m.label}
          </label>
        ))}
      </div>
      <div className="dialog-buttons">
        <button type="button" className="primary" data-testid="autotag-apply" disabled={!canApply} onClick={() => void apply()}>
          {applying ? 'Applying…' : mode === 'suggest' ? 'Show as suggestions' : 'Apply'}
        </button>
      </div>
      {last && (
        <p className="autotag-result" data-testid="autotag-apply-result" data-changed={last.result.changed}>
          {last.mode === 'suggest'
            ? suggestedText(last.result.changed)
            : resultText(last.result.changed, last.result.conflicts, last.result.refused).text}
        </p>
      )}
    </div>
  );
}
