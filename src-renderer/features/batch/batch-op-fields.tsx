import type { BatchForm } from './batch-form';

interface FieldsProps {
  form: BatchForm;
  /** the reason the operation cannot run yet, shown under the fields */
  problem: string | null;
  onChange(patch: Partial<BatchForm>): void;
}

interface TextProps {
  testId: string;
  label: string;
  value: string;
  invalid?: boolean;
  onChange(value: string): void;
}

function Text({ testId, label, value, invalid = false, onChange }: TextProps) {
  return (
    <input
      type="text"
      data-testid={testId}
      placeholder={label}
      aria-label={label}
      aria-invalid={invalid}
      spellCheck={false}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

interface CheckProps {
  label: string;
  testId: string;
  checked: boolean;
  title?: string;
  onChange(value: boolean): void;
}

function Check({ label, testId, checked, title, onChange }: CheckProps) {
  return (
    <label className="check" title={title}>
      <input type="checkbox" data-testid={testId} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

interface ChoiceProps<T extends string> {
  name: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(value: T): void;
}

/** radio buttons drawn as one segmented control; each option is `${name}-${value}` to tests */
function Choice<T extends string>({ name, value, options, onChange }: ChoiceProps<T>) {
  return (
    <div className="segmented" role="radiogroup">
      {options.map((o) => (
        <label key={o.value} className={value === o.value ? 'segment segment-on' : 'segment'}>
          <input
            type="radio"
            name={name}
            value={o.value}
            data-testid={`${name}-${o.value}`}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}

const POSITIONS = [
  { value: 'start', label: 'At the start' },
  { value: 'end', label: 'At the end' },
] as const;
const MODES = [
  { value: 'plain', label: 'Plain text' },
  { value: 'regex', label: 'Regex' },
] as const;
const SCOPES = [
  { value: 'whole-tag', label: 'Whole tag' },
  { value: 'inside-tags', label: 'Inside tags' },
] as const;
const SORTS = [
  { value: 'alpha', label: 'A–Z' },
  { value: 'frequency', label: 'Most used first' },
] as const;

/** The inputs of the chosen batch operation; what the user types is kept as typed (no case or underscore changes). */
export function BatchOpFields({ form, problem, onChange }: FieldsProps) {
  // an empty field is not an error yet: say what is wrong only once the user has typed something
  const note = (typed: boolean) =>
    typed && problem ? (
      <p className="field-problem" data-testid="batch-problem" role="alert">
        {problem}
      </p>
    ) : null;
  switch (form.type) {
    case 'add':
      return (
        <div className="batch-fields">
          <Text testId="batch-tags" label="Tags to add: a, b, c" value={form.addTags} onChange={(addTags) => onChange({ addTags })} />
          <Choice name="batch-position" value={form.addPosition} options={POSITIONS} onChange={(addPosition) => onChange({ addPosition })} />
          {note(form.addTags !== '')}
        </div>
      );
    case 'remove':
      return (
        <div className="batch-fields">
          <Text testId="batch-tags" label="Tags to remove: a, b, c" value={form.removeTags} onChange={(removeTags) => onChange({ removeTags })} />
          <Check
            label="Ignore case"
            testId="batch-ignore-case"
            title="Off: “Long hair” and “long hair” are different tags to a trainer"
            checked={form.removeIgnoreCase}
            onChange={(removeIgnoreCase) => onChange({ removeIgnoreCase })}
          />
          {note(form.removeTags !== '')}
        </div>
      );
    case 'replace':
      return (
        <div className="batch-fields">
          <Text
            testId="batch-find"
            label={form.mode === 'regex' ? 'Find (regular expression)' : 'Find'}
            value={form.find}
            invalid={form.find !== '' && problem !== null}
            onChange={(find) => onChange({ find })}
          />
          <Text
            testId="batch-replace"
            label={form.mode === 'regex' ? 'Replace with ($1, $& allowed; empty removes)' : 'Replace with (empty removes)'}
            value={form.replace}
            onChange={(replace) => onChange({ replace })}
          />
          <Choice name="batch-mode" value={form.mode} options={MODES} onChange={(mode) => onChange({ mode })} />
          <Choice name="batch-scope" value={form.scope} options={SCOPES} onChange={(scope) => onChange({ scope })} />
          <Check label="Match case" testId="batch-case-sensitive" checked={form.caseSensitive} onChange={(caseSensitive) => onChange({ caseSensitive })} />
          {note(form.find !== '' || form.replace !== '')}
        </div>
      );
    case 'sort':
      return (
        <div className="batch-fields">
          <Choice name="batch-sort" value={form.sortBy} options={SORTS} onChange={(sortBy) => onChange({ sortBy })} />
          <label className="inline-field">
            Keep the first
            <input
              type="number"
              min={0}
              max={1000}
              data-testid="batch-keep-first"
              aria-label="Tags kept in place at the start"
              value={form.keepFirst}
              onChange={(e) => onChange({ keepFirst: e.target.value })}
            />
            in place
          </label>
          {note(true)}
        </div>
      );
    case 'dedupe':
      return (
        <div className="batch-fields">
          <p className="muted">Removes a tag that occurs twice in one caption, keeping its first place.</p>
        </div>
      );
  }
}
