import type { TargetInputs } from './batch-target';
import type { TargetKind } from './batch-text';

const n = (value: number) => value.toLocaleString('en-US');

/** Selected, filtered or all images, each with how many that is now. */
export function BatchTargetChoice({ value, inputs, onChange }: { value: TargetKind; inputs: TargetInputs; onChange(kind: TargetKind): void }) {
  const options: ReadonlyArray<{ kind: TargetKind; label: string; count: number | null }> = [
    { kind: 'selected', label: 'Selected', count: inputs.selected.length },
    { kind: 'filtered', label: 'Filtered', count: inputs.filterIds?.length ?? null },
    { kind: 'all', label: 'All', count: inputs.total },
  ];
  return (
    <fieldset className="segmented batch-target" data-testid="batch-target">
      <legend>Images</legend>
      {options.map((o) => (
        <label key={o.kind} className={value === o.kind ? 'segment segment-on' : 'segment'}>
          <input
            type="radio"
            name="batch-target"
            value={o.kind}
            data-testid={`batch-target-${o.kind}`}
            checked={value === o.kind}
            onChange={() => onChange(o.kind)}
          />
          {o.label} <span className="muted">{o.count === null ? '–' : n(o.count)}</span>
        </label>
      ))}
    </fieldset>
  );
}
