import type { ExportFormat } from '../../../src-shared/contract/export';
import { updateExportForm } from '../../actions/export';
import { CIVITAI_MAX_SIDE, type ExportForm, type FieldErrors } from './export-form';
import { ExportField, ExportSwitch, fieldId } from './export-field';

const FORMATS: ReadonlyArray<{ id: ExportFormat; text: string }> = [
  { id: 'keep', text: 'Keep (png, jpg, webp as they are; others to png)' },
  { id: 'png', text: 'png' },
  { id: 'jpg', text: 'jpg' },
  { id: 'webp', text: 'webp' },
];

/** What happens to the pixels: format, size, metadata, transparency, names. Orientation is always applied. */
export function ExportImageOptions({ form, errors }: { form: ExportForm; errors: FieldErrors }) {
  // 'keep' copies a JPEG or webp as it is, but re-encodes one it must resize, turn or flatten: at this quality
  const lossy = form.format !== 'png';
  return (
    <div className="export-group">
      <div className="export-row">
        <ExportField label="Format" name="format">
          <select
            id={fieldId('format')}
            data-testid="export-format"
            value={form.format}
            onChange={(e) => updateExportForm({ format: e.target.value as ExportFormat })}
          >
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.text}
              </option>
            ))}
          </select>
        </ExportField>
        {lossy && (
          <ExportField
            label="Quality"
            name="jpgQuality"
            error={errors.jpgQuality}
            hint={form.format === 'keep' ? 'for a jpg or webp that is resized, turned or flattened; the rest are copied' : undefined}
          >
            <input
              id={fieldId('jpgQuality')}
              type="number"
              className="export-number"
              data-testid="export-quality"
              min={1}
              max={100}
              value={form.quality}
              aria-invalid={errors.jpgQuality !== undefined}
              onChange={(e) => updateExportForm({ quality: e.target.value })}
            />
          </ExportField>
        )}
      </div>

      {form.target === 'civitai' ? (
        <ExportSwitch
          testId="export-limit-side"
          label={`Longest side ≤ ${CIVITAI_MAX_SIDE.toLocaleString('en-US')} px`}
          hint="Larger images are scaled down; smaller ones are left as they are."
          checked={form.limitSide}
          onChange={(checked) => updateExportForm({ limitSide: checked })}
        />
      ) : (
        <div className="export-side-row">
          <ExportSwitch
            testId="export-limit-side"
            label="Longest side at most"
            checked={form.limitSide}
            onChange={(checked) => updateExportForm({ limitSide: checked })}
          />
          <input
            type="number"
            className="export-number"
            data-testid="export-max-side"
            aria-label="Longest side in pixels"
            min={64}
            disabled={!form.limitSide}
            value={form.maxSide}
            aria-invalid={errors.maxSide !== undefined}
            onChange={(e) => updateExportForm({ maxSide: e.target.value })}
          />
          <span className="muted">px</span>
          {errors.maxSide && (
            <span className="export-field-error" data-testid="export-error-maxSide" role="alert">
              {errors.maxSide}
            </span>
          )}
        </div>
      )}

      <ExportSwitch
        testId="export-keep-metadata"
        label="Keep metadata"
        hint={
          form.keepMetadata
            ? 'EXIF, GPS and prompts in PNG text chunks are copied into the export.'
            : 'EXIF, GPS and prompts in PNG text chunks are stripped.'
        }
        checked={form.keepMetadata}
        onChange={(checked) => updateExportForm({ keepMetadata: checked })}
      />

      <div className="export-row">
        <ExportField label="Background for transparency" name="background" error={errors.background}>
          <span className="export-colour">
            <input
              id={fieldId('background')}
              type="color"
              data-testid="export-background"
              value={form.background}
              onChange={(e) => updateExportForm({ background: e.target.value })}
            />
            <span className="path">{form.background}</span>
          </span>
        </ExportField>
        <ExportField label="File names" name="rename">
          <select
            id={fieldId('rename')}
            data-testid="export-rename"
            value={form.rename}
            onChange={(e) => updateExportForm({ rename: e.target.value === 'renumber' ? 'renumber' : 'keep' })}
          >
            <option value="keep">Keep names</option>
            <option value="renumber">Renumber (0001, 0002, …)</option>
          </select>
        </ExportField>
      </div>
    </div>
  );
}
