import type { TargetInputs } from './batch-target';
import type { TargetKind } from './batch-text';

const n = (value: number) => value.toLocaleString('en-US');

interface TargetChoiceProps {
  value: TargetKind;
  inputs: TargetInputs;
  onChange(kind: TargetKind): void;
  /**
   * the radio group's name and the tests' prefix: each panel that reuses this
   * choice needs its own, or its radios would join the batch panel's group
   */
  name?: string;
}

/** Selected, filtered or all images, each with how many that is now. */
export function BatchTargetChoice({ value, inputs, onChange, name = 'batch-target' }: TargetChoiceProps) {
  const options: ReadonlyArray<{ kind: TargetKind; label: string; count: number | null }> = [
    { kind: 'selected', label: 'Selected', count: inputs.selected.length },
    { kind: 'filtered', label: 'Filtered', count: inputs.filterIds?.length ?? null },
    { kind: 'all', label: 'All', count: inputs.total },
  ];
  return (
    <fieldset className="segmented batch-target" data-testid={name}>
      <legend>Images</legend>
      {options.map((o) => (
        <label key={o.kind} className={value === o.kind ? 'segment segment-on' : 'segment'}>
          <input
            type="radio"
            name={name}
            value={o.kind}
            data-testid={`${name}-${o.kind}`}
            checked={value === o.kind}
            onChange={() => onChange(o.kind)}
          />
          {o.label} <span className="muted">{o.count === null ? '–' : n(o.count)}</span>
        </label>
      ))}
    </fieldset>
  );
}
