import { create } from 'zustand';
import type { CheckReport, ExportSummary } from '../../src-shared/contract/export';
import type { ExportForm } from '../features/export/export-form';
import { api } from '../transport/api';
import type { JobProgress } from './jobs-store';

/** Where the dialog is: one step at a time, each holding only what it shows. */
export type ExportStage =
  | { kind: 'options' }
  | { kind: 'running'; job: 'check' | 'export' }
  | { kind: 'exported'; summary: ExportSummary }
  | { kind: 'failed'; message: string; cancelled: boolean };

interface ExportState {
  open: boolean;
  /** folded to a small bar while the user looks at images the report pointed to */
  minimized: boolean;
  /** the dataset the form was filled for: another folder starts afresh */
  datasetDir: string | null;
  /** the folder opened with it (an import's source): an export stays out of both */
  root: string | null;
  form: ExportForm | null;
  stage: ExportStage;
  report: CheckReport | null;
  /** checkKey() of the options the report was made with */
  reportKey: string | null;
  /** captions or images changed after the check: the report may no longer be right */
  datasetChanged: boolean;
  /** a check that was cancelled or failed, said above the buttons */
  checkNote: string | null;
}

const initial: ExportState = {
  open: false,
  minimized: false,
  datasetDir: null,
  root: null,
  form: null,
  stage: { kind: 'options' },
  report: null,
  reportKey: null,
  datasetChanged: false,
  checkNote: null,
};

export const useExportStore = create<ExportState>()(() => initial);

export const resetExport = () => useExportStore.setState(initial);

export const isRunning = (s: ExportState) => s.stage.kind === 'running';

/** the check or export the dialog started: the newest running job of that kind (main runs one per request) */
export const jobOfKind = (running: Record<string, JobProgress>, kind: 'check' | 'export'): JobProgress | null =>
  Object.values(running)
    .filter((j) => j.kind === kind)
    .at(-1) ?? null;

// edits while the report is open (fixing what it pointed to) make it out of date
const datasetEdited = () => useExportStore.setState((s) => (s.report && !s.datasetChanged ? { datasetChanged: true } : s));
api.on('caption.changed', datasetEdited);
api.on('stats.changed', datasetEdited); // an image marked or unmarked to skip
api.on('images.changed', ({ reset }) => {
  // rows also update when a background probe learns an image's size: not an edit
  if (reset) datasetEdited();
});
