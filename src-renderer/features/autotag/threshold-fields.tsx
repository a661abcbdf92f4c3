import type { ThresholdForm } from './threshold-form';


interface SliderProps {
  name: 'general' | 'character';
  label: string;
  value: number;
  disabled: boolean;
  onChange(value: number): void;
}

/** a threshold from 0 to 1 in steps of 0.01, its value beside it */
function Threshold({ name, label, value, disabled, onChange }: SliderProps) {
  return (
    <label className="autotag-slider">
      <span>{label}</span>
      <input
        type="range"
        min={0}
        max={1}
        step={0.01}
        data-testid={`autotag-${name}`}
        aria-label={`${label} threshold`}
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output data-testid={`autotag-${name}-value`}>{value.toFixed(2)}</output>
    </label>
  );
}

interface FieldsProps {
  form: ThresholdForm;
  problem: string | null;
  onChange(patch: Partial<ThresholdForm>): void;
}

/**
 * What turns scores into tags: a threshold per category (or MCut, which finds
 * each image's own cut), a limit, tags never given and tags always given, and
 * how names are written. Every change is previewed at once from the kept scores.
 */
export function ThresholdFields({ form, problem, onChange }: FieldsProps) {
  return (
    <div className="autotag-thresholds" data-testid="autotag-thresholds">
      <Threshold name="general" label="General" value={form.general} disabled={form.mcut} onChange={(general) => onChange({ general })} />
      <Threshold name="character" label="Character" value={form.character} disabled={form.mcut} onChange={(character) => onChange({ character })} />
      <label className="check" title="Each image's own cut: the middle of the largest gap between its sorted scores (characters never below 0.15)">
        <input type="checkbox" data-testid="autotag-mcut" checked={form.mcut} onChange={(e) => onChange({ mcut: e.target.checked })} />
        MCut: find each image's cut instead
      </label>
      <label className="inline-field">
        At most
        <input
          type="number"
          min={1}
          max={1000}
          data-testid="autotag-max-tags"
          aria-label="Most tags per image"
          placeholder="all"
          value={form.maxTags}
          onChange={(e) => onChange({ maxTags: e.target.value })}
        />
        tags per image
      </label>
      <label className="field">
        <span>Never give (globs: *_background, monochrome)</span>
        <input
          type="text"
          data-testid="autotag-exclude"
          spellCheck={false}
          autoComplete="off"
          value={form.exclude}
          onChange={(e) => onChange({ exclude: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Always add (after the trigger word)</span>
        <input
          type="text"
          data-testid="autotag-always"
          spellCheck={false}
          autoComplete="off"
          value={form.always}
          onChange={(e) => onChange({ always: e.target.value })}
        />
      </label>
      <label className="check" title="The kaomoji tags (^_^, >_<, o_o…) keep their underscores">
        <input
          type="checkbox"
          data-testid="autotag-underscores"
          checked={form.underscoresToSpaces}
          onChange={(e) => onChange({ underscoresToSpaces: e.target.checked })}
        />
        Underscores to spaces
      </label>
      {problem && (
        <p className="field-problem" data-testid="autotag-settings-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
