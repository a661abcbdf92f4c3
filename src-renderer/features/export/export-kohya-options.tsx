import { updateKohyaForm } from '../../actions/export';
import type { ExportForm, FieldErrors } from './export-form';
import { ExportField, ExportSwitch, fieldId } from './export-field';

type NumberKey = 'repeats' | 'resolution' | 'minBucket' | 'maxBucket' | 'bucketStep';

const BUCKET_FIELDS: ReadonlyArray<{ key: NumberKey; label: string }> = [
  { key: 'resolution', label: 'Resolution' },
  { key: 'minBucket', label: 'Smallest bucket' },
  { key: 'maxBucket', label: 'Largest bucket' },
  { key: 'bucketStep', label: 'Bucket step' },
];

/** kohya-ss: the `<repeats>_<name>` folder, and the dataset.toml that carries resolution and buckets. */
export function ExportKohyaOptions({ form, errors }: { form: ExportForm; errors: FieldErrors }) {
  const k = form.kohya;
  const numberInput = (key: NumberKey) => (
    <input
      id={fieldId(`kohya.${key}`)}
      type="number"
      className="export-number"
      data-testid={`export-kohya-${key}`}
      value={k[key]}
      // a rule across the bucket fields (multiples of the step, smallest ≤ largest) marks all of them
      aria-invalid={errors[`kohya.${key}`] !== undefined || (key !== 'repeats' && errors.kohya !== undefined)}
      onChange={(e) => updateKohyaForm({ [key]: e.target.value })}
    />
  );
  return (
    <div className="export-group">
      <div className="export-row">
        <ExportField label="Repeats" name="kohya.repeats" error={errors['kohya.repeats']}>
          {numberInput('repeats')}
        </ExportField>
        <ExportField label="Name (class)" name="kohya.name" error={errors['kohya.name']}>
          <input
            id={fieldId('kohya.name')}
            type="text"
            data-testid="export-kohya-name"
            value={k.name}
            aria-invalid={errors['kohya.name'] !== undefined}
            onChange={(e) => updateKohyaForm({ name: e.target.value })}
          />
        </ExportField>
      </div>
      <p className="export-field-hint">
        Images go into <span className="path">{`${k.repeats.trim() || '…'}_${k.name.trim() || '…'}/`}</span>; images already in a{' '}
        <span className="path">{'<repeats>_<name>/'}</span> folder keep it and its repeats.
      </p>
      <ExportSwitch
        testId="export-kohya-toml"
        label="Write dataset.toml"
        hint={
          <>
            With the caption extension (.txt), resolution, bucketing and repeats, for <span className="export-nowrap">--dataset_config</span>.
          </>
        }
        checked={k.writeToml}
        onChange={(checked) => updateKohyaForm({ writeToml: checked })}
      />
      <div className="export-row export-row-four">
        {BUCKET_FIELDS.map((f) => (
          <ExportField key={f.key} label={f.label} name={`kohya.${f.key}`} error={errors[`kohya.${f.key}`]}>
            {numberInput(f.key)}
          </ExportField>
        ))}
      </div>
      {errors.kohya && (
        <p className="export-field-error" data-testid="export-error-kohya" role="alert">
          {errors.kohya}
        </p>
      )}
    </div>
  );
}
