import type { ReactNode } from 'react';

/** the id a field's control carries, so its label names it (one export dialog at a time) */
export const fieldId = (name: string) => `export-field-${name.replace(/\W/g, '-')}`;

interface ExportFieldProps {
  label: string;
  /** the option's key in FieldErrors; the control inside must carry fieldId(name) */
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}

/** A labelled control with its hint and, when the value is refused, why: beside the field it is about. */
export function ExportField({ label, name, error, hint, children }: ExportFieldProps) {
  return (
    <div className="export-field">
      <label className="export-field-label" htmlFor={fieldId(name)}>
        {label}
      </label>
      {children}
      {error ? (
        <span className="export-field-error" data-testid={`export-error-${name}`} role="alert">
          {error}
        </span>
      ) : (
        hint && <span className="export-field-hint">{hint}</span>
      )}
    </div>
  );
}

interface ExportSwitchProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  hint?: ReactNode;
  disabled?: boolean;
}

/** a checkbox with its text beside it and an optional line of explanation under it */
export function ExportSwitch({ label, checked, onChange, testId, hint, disabled }: ExportSwitchProps) {
  return (
    <label className="export-switch">
      <input type="checkbox" data-testid={testId} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
      {hint && <span className="export-field-hint export-switch-hint">{hint}</span>}
    </label>
  );
}
