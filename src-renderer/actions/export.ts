import type { ExportTarget } from '../../src-shared/contract/export';
import { checkKey, defaultForm, type ExportForm, type FormSession, formToOptions, withTarget } from '../features/export/export-form';
import { baseName, joinPath } from '../features/export/export-paths';
import { isRunning, jobOfKind, resetExport, useExportStore } from '../stores/export-store';
import { showImages } from '../stores/filter-store';
import { useJobsStore } from '../stores/jobs-store';
import { useSessionStore } from '../stores/session-store';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';

const formSession = (): FormSession | null => useSessionStore.getState().session;

/** The header's "Export…" and Ctrl+E. The form is kept while the same folder stays open. */
export function openExportDialog(): void {
  const session = formSession();
  if (!session) return;
  useExportStore.setState((s) => {
    const fresh = s.datasetDir !== session.datasetDir || !s.form;
    const base = fresh
      ? { ...s, datasetDir: session.datasetDir, root: session.root, form: defaultForm(session), report: null, reportKey: null, checkNote: null }
      : s;
    // a finished or failed export is read once; opening again starts from the options
    const stage = base.stage.kind === 'running' ? base.stage : { kind: 'options' as const };
    return { ...base, stage, open: true, minimized: false };
  });
}

/** close: allowed unless a job runs (Cancel stops it first) */
export function closeExportDialog(): void {
  useExportStore.setState((s) => (isRunning(s) ? s : { open: false, minimized: false }));
}

export const minimizeExportDialog = () => useExportStore.setState({ minimized: true });
export const restoreExportDialog = () => useExportStore.setState({ minimized: false });

export function updateExportForm(patch: Partial<ExportForm>): void {
  useExportStore.setState((s) => (s.form ? { form: { ...s.form, ...patch } } : s));
}

export function updateKohyaForm(patch: Partial<ExportForm['kohya']>): void {
  useExportStore.setState((s) => (s.form ? { form: { ...s.form, kohya: { ...s.form.kohya, ...patch } } } : s));
}

export function chooseTarget(target: ExportTarget): void {
  const session = formSession();
  useExportStore.setState((s) => (s.form && session ? { form: withTarget(s.form, target, session) } : s));
}

/** Desktop only: pick the folder to export into; the file or folder name stays as typed. */
export async function pickOutputParent(): Promise<void> {
  const picked = await call('folder.pick', {});
  if (!picked.ok) {
    showToast(`Could not show the folder dialog: ${picked.error.message}`, 'error');
    return;
  }
  const dir = picked.value.path;
  const form = useExportStore.getState().form;
  if (!dir || !form) return;
  updateExportForm({ outPath: joinPath(dir, baseName(form.outPath) || 'export'), outPathEdited: true });
}

function currentOptions() {
  const { form, datasetDir, root } = useExportStore.getState();
  return form && datasetDir && root ? formToOptions(form, { datasetDir, root }) : null;
}

export async function runCheck(): Promise<void> {
  const result = currentOptions();
  if (!result?.ok || isRunning(useExportStore.getState())) return;
  useExportStore.setState({ stage: { kind: 'running', job: 'check' }, checkNote: null });
  const checked = await call('export.check', result.options);
  if (checked.ok) {
    useExportStore.setState({
      stage: { kind: 'options' },
      report: checked.value,
      reportKey: checkKey(result.options),
      datasetChanged: false,
    });
  } else {
    const checkNote = checked.error.code === 'cancelled' ? 'The check was cancelled.' : `The check failed: ${checked.error.message}`;
    useExportStore.setState({ stage: { kind: 'options' }, checkNote });
  }
}

export async function runExport(): Promise<void> {
  const result = currentOptions();
  if (!result?.ok || isRunning(useExportStore.getState())) return;
  useExportStore.setState({ stage: { kind: 'running', job: 'export' }, checkNote: null });
  const done = await call('export.run', result.options);
  if (done.ok) {
    useExportStore.setState({ stage: { kind: 'exported', summary: done.value } });
    return;
  }
  // the engine writes to a temporary name and removes it on any failure, so nothing is half there
  const cancelled = done.error.code === 'cancelled';
  const message = cancelled ? 'The export was cancelled. Nothing was written.' : `${done.error.message}`;
  useExportStore.setState({ stage: { kind: 'failed', message, cancelled } });
}

/** Cancel the check or export under way: the job is the newest running one of its kind. */
export async function cancelExportJob(): Promise<void> {
  const stage = useExportStore.getState().stage;
  if (stage.kind !== 'running') return;
  const job = jobOfKind(useJobsStore.getState().running, stage.job);
  if (!job) return;
  const result = await call('jobs.cancel', { jobId: job.jobId });
  if (!result.ok) showToast(`Could not cancel: ${result.error.message}`, 'error');
}

/** back from a failed export to the options, to change the path and try again */
export const backToOptions = () => useExportStore.setState({ stage: { kind: 'options' } });

/**
 * A report line's "Show images": show exactly those images and fold the
 * dialog away, so they can be looked at and fixed; the bar it folds into
 * brings the report back. (The filter's own subscription moves to the first
 * of them when the image on screen is not one.)
 */
export function showReportImages(ids: readonly number[], label: string): void {
  if (ids.length === 0) return;
  showImages(ids, label);
  minimizeExportDialog();
}

// another folder, or none: the form, report and paths belong to the one that was open
useSessionStore.subscribe((state, previous) => {
  if (state.session?.datasetDir !== previous.session?.datasetDir && !isRunning(useExportStore.getState())) resetExport();
});
