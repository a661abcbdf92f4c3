import './export.css';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { closeExportDialog, minimizeExportDialog } from '../../actions/export';
import { checkKey, errorSummary, type ExportForm, formToOptions } from './export-form';
import { useExportStore } from '../../stores/export-store';
import { useSessionStore } from '../../stores/session-store';
import { ExportCaptionOptions } from './export-caption-options';
import { ExportFooter } from './export-footer';
import { ExportImageOptions } from './export-image-options';
import { ExportKohyaOptions } from './export-kohya-options';
import { ExportMinimizedBar } from './export-minimized-bar';
import { ExportOutputField } from './export-output-field';
import { ExportReport } from './export-report';
import { ExportFailure, ExportSummaryView } from './export-result';
import { ExportTargetChoice } from './export-target-choice';

/** The export dialog: options on the left, the check's report on the right, Check then Export below. */
export function ExportDialog() {
  const { open, minimized, form, datasetDir, root, stage } = useExportStore(
    useShallow((s) => ({ open: s.open, minimized: s.minimized, form: s.form, datasetDir: s.datasetDir, root: s.root, stage: s.stage })),
  );
  const tagging = useSessionStore((s) => s.phase.kind === 'tagging');
  if (!open || !tagging || !form || !datasetDir || !root) return null;
  if (minimized) return <ExportMinimizedBar />;
  return (
    <DialogFrame running={stage.kind === 'running'} compact={stage.kind === 'exported' || stage.kind === 'failed'}>
      {stage.kind === 'exported' && <ExportSummaryView summary={stage.summary} />}
      {stage.kind === 'failed' && <ExportFailure message={stage.message} cancelled={stage.cancelled} />}
      {(stage.kind === 'options' || stage.kind === 'running') && (
        <OptionsAndReport form={form} datasetDir={datasetDir} root={root} running={stage.kind === 'running'} />
      )}
    </DialogFrame>
  );
}

interface DialogFrameProps {
  running: boolean;
  /** a result is short: the frame fits it instead of keeping the options' height */
  compact: boolean;
  children: ReactNode;
}

function DialogFrame({ running, compact, children }: DialogFrameProps) {
  const ref = useRef<HTMLDivElement>(null);
  // focus inside the dialog, so keys reach it and not the image behind
  useEffect(() => ref.current?.focus(), []);
  // a check or an export disables the button pressed, or replaces it with the result: focus falls
  // to <body>, out of the dialog, and Escape would no longer reach it. Take focus back when one ends.
  useEffect(() => {
    const box = ref.current;
    const active = document.activeElement;
    if (running || !box) return;
    if (!box.contains(active) || (active instanceof HTMLButtonElement && active.disabled)) box.focus();
  }, [running, compact]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!running) closeExportDialog();
    }
    // keys belong to the dialog: ← must not move the image behind it, Ctrl+Z not undo an edit there
    event.stopPropagation();
  };
  return (
    <div className="overlay-backdrop">
      <div
        ref={ref}
        className={compact ? 'overlay export-dialog export-dialog-result' : 'overlay export-dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        data-testid="export-dialog"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="overlay-header">
          <h2 id="export-title">Export for training</h2>
          <span className="export-header-buttons">
            <button type="button" className="icon-button" aria-label="Fold the dialog away" title="Fold away" onClick={minimizeExportDialog}>
              –
            </button>
            <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" disabled={running} onClick={closeExportDialog}>
              ×
            </button>
          </span>
        </header>
        {children}
      </div>
    </div>
  );
}

function OptionsAndReport({ form, datasetDir, root, running }: { form: ExportForm; datasetDir: string; root: string; running: boolean }) {
  const reportKey = useExportStore((s) => s.reportKey);
  const hasReport = useExportStore((s) => s.report !== null);
  const result = useMemo(() => formToOptions(form, { datasetDir, root }), [form, datasetDir, root]);
  const errors = result.ok ? {} : result.errors;
  const stale = hasReport && result.ok && checkKey(result.options) !== reportKey;
  return (
    <>
      <div className="export-body">
        {/* a fieldset disables every control at once while a job reads these options */}
        <fieldset className="export-options" disabled={running}>
          <ExportTargetChoice target={form.target} />
          <ExportOutputField form={form} error={errors.out} />
          <ExportCaptionOptions form={form} errors={errors} />
          {form.target === 'kohya' && <ExportKohyaOptions form={form} errors={errors} />}
          <ExportImageOptions form={form} errors={errors} />
        </fieldset>
        <ExportReport stale={stale} />
      </div>
      <ExportFooter invalid={errorSummary(errors)} stale={stale} />
    </>
  );
}
