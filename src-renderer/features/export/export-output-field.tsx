import { pickOutputParent, updateExportForm } from '../../actions/export';
import type { ExportForm } from './export-form';
import { outKindOf } from './export-paths';
import { useSessionStore } from '../../stores/session-store';
import { ExportField, fieldId } from './export-field';

/**
 * Where the export goes: a path ending in .zip writes a zip, any other a new
 * folder. The desktop app can pick the folder to put it in; over `serve` the
 * path is typed, since it names a place on the server's machine.
 */
export function ExportOutputField({ form, error }: { form: ExportForm; error: string | undefined }) {
  const canPick = useSessionStore((s) => s.appInfo?.canPickFolder ?? false);
  const kind = outKindOf(form.outPath);
  const hint =
    form.target === 'civitai' && kind === 'folder'
      ? "Civitai's trainer takes a zip: end the name in .zip, or zip the folder's contents yourself."
      : kind === 'zip'
        ? 'Writes this zip file; it must not exist yet.'
        : 'Creates this folder; it must be new or empty.';
  return (
    <ExportField label="Save to" name="out" error={error} hint={hint}>
      <span className="export-path-row">
        <input
          id={fieldId('out')}
          type="text"
          className="path"
          data-testid="export-out-path"
          spellCheck={false}
          value={form.outPath}
          aria-invalid={error !== undefined}
          onChange={(e) => updateExportForm({ outPath: e.target.value, outPathEdited: true })}
        />
        {canPick && (
          <button type="button" data-testid="export-browse" title="Choose the folder to export into" onClick={() => void pickOutputParent()}>
            Browse…
          </button>
        )}
      </span>
    </ExportField>
  );
}
