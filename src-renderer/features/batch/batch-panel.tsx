import '../../styles/forms.css';
import './batch.css';
import { useMemo, useState } from 'react';
import { applyBatch, type BatchResult } from '../../actions/batch';
import { type BatchForm, buildOp, type FormOpType, initialForm } from './batch-form';
import { buildTarget, defaultTarget } from './batch-target';
import { resultText, type TargetKind, targetText } from './batch-text';
import { BatchOpFields } from './batch-op-fields';
import { BatchPreviewView } from './batch-preview';
import { BatchProgress } from './batch-progress';
import { BatchTargetChoice } from './batch-target-choice';
import { useBatchPreview } from './use-batch-preview';
import { useTargetInputs } from './use-target-inputs';

const OPS: ReadonlyArray<{ value: FormOpType; label: string }> = [
  { value: 'add', label: 'Add tags' },
  { value: 'remove', label: 'Remove tags' },
  { value: 'replace', label: 'Find and replace' },
  { value: 'sort', label: 'Sort tags' },
  { value: 'dedupe', label: 'Remove duplicates' },
];

/**
 * Edits of many images at once: choose the images (selected, filtered, all),
 * the operation and its inputs; the preview says how many images will change
 * before Apply is offered. One Apply is one step of undo.
 */
export function BatchPanel({ active }: { active: boolean }) {
  const inputs = useTargetInputs();
  const [chosenTarget, setChosenTarget] = useState<TargetKind | null>(null);
  const [form, setForm] = useState<BatchForm>(() => initialForm());
  const [running, setRunning] = useState(false);
  const [last, setLast] = useState<BatchResult | null>(null);

  const kind = chosenTarget ?? defaultTarget(inputs);
  // kept stable while its inputs are, so the preview is not asked again on every keystroke elsewhere
  const { selected, filterQuery, filterIds, filterHasError, filterLabel, total } = inputs;
  const target = useMemo(
    () => buildTarget(kind, { selected, filterQuery, filterIds, filterHasError, filterLabel, total }),
    [kind, selected, filterQuery, filterIds, filterHasError, filterLabel, total],
  );
  const built = buildOp(form);
  const request = useMemo(
    () => (target.target && built.op ? { target: target.target, op: built.op } : null),
    [target, built.op],
  );
  // a hidden panel asks nothing: a preview over a big dataset after every tag edit would be wasted work
  const preview = useBatchPreview(running || !active ? null : request);
  const canApply = request !== null && preview.kind === 'ready' && preview.preview.changes > 0 && !running;

  const change = (patch: Partial<BatchForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setLast(null);
  };

  const apply = async () => {
    if (!canApply || !request) return;
    setRunning(true);
    const result = await applyBatch(request.target, request.op);
    setRunning(false);
    setLast(result);
  };

  return (
    <section className="batch-panel" aria-label="Batch edit" data-testid="batch-panel">
      <BatchTargetChoice value={kind} inputs={inputs} onChange={(k) => {
          setChosenTarget(k);
          setLast(null);
        }} />
      {target.reason && (
        <p className="field-problem" data-testid="batch-target-problem">
          {target.reason}
        </p>
      )}
      <label className="field">
        <span>Operation</span>
        <select data-testid="batch-op" value={form.type} onChange={(e) => change({ type: e.target.value as FormOpType })}>
          {OPS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <BatchOpFields form={form} problem={built.problem} onChange={change} />
        {request && <BatchPreviewView state={preview} />}
        {running && <BatchProgress />}
        <div className="dialog-buttons">
          <button type="submit" className="primary" data-testid="batch-apply" disabled={!canApply}>
            {running ? 'Applying…' : target.target ? `Apply to ${targetText(kind, target.count)}` : 'Apply'}
          </button>
        </div>
      </form>
      {last && (
        <p
          className={last.conflicts.length + last.refused.length > 0 ? 'batch-result batch-result-warn' : 'batch-result'}
          data-testid="batch-result"
          data-changed={last.changed}
        >
          {resultText(last.changed, last.conflicts, last.refused).text}
        </p>
      )}
    </section>
  );
}
