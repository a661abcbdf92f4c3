import { updateExportForm } from '../../actions/export';
import type { ExportForm, FieldErrors } from './export-form';
import { ExportField, ExportSwitch, fieldId } from './export-field';

/** The trigger word, put first in every caption; ai-toolkit can take it as its [trigger] placeholder instead. */
export function ExportCaptionOptions({ form, errors }: { form: ExportForm; errors: FieldErrors }) {
  return (
    <div className="export-group">
      <ExportField
        label="Trigger word"
        name="trigger"
        error={errors.trigger}
        hint="Put first in every caption that does not already start with it. Empty: captions as they are."
      >
        <input
          id={fieldId('trigger')}
          type="text"
          data-testid="export-trigger"
          spellCheck={false}
          value={form.trigger}
          aria-invalid={errors.trigger !== undefined}
          onChange={(e) => updateExportForm({ trigger: e.target.value })}
        />
      </ExportField>
      {form.target === 'ai-toolkit' && (
        <ExportSwitch
          testId="export-trigger-placeholder"
          label="Write the trigger word as [trigger]"
          hint="ai-toolkit puts its config's trigger_word there when it trains."
          checked={form.aiToolkitTriggerPlaceholder}
          onChange={(checked) => updateExportForm({ aiToolkitTriggerPlaceholder: checked })}
        />
      )}
    </div>
  );
}
